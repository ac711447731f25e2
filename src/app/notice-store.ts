import { create } from 'zustand';
import type { UrlNotice } from '@/domain/url-state';

type NoticeState = {
  /** What was dropped from the last URL that could not be read as it stood. */
  urlNotices: UrlNotice[];
  showUrlNotices: (notices: UrlNotice[]) => void;
  dismissUrlNotices: () => void;
};

export const useNoticeStore = create<NoticeState>()((set) => ({
  urlNotices: [],
  showUrlNotices: (urlNotices) => set({ urlNotices }),
  dismissUrlNotices: () => set({ urlNotices: [] }),
}));
