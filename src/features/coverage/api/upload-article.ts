import {
  articleReviewSchema,
  type AddArticleFromUrlRequest,
  type AddArticleRequest,
  type ArticleReview,
} from '@/domain/schemas';
import { fetchJson, readAnswer, unreachable } from '@/lib/api/request-core';

export type UploadProgress = { phase: 'sending'; fraction: number } | { phase: 'analysing' };

/**
 * Sends a new article with XMLHttpRequest rather than fetch: only it reports upload progress,
 * which a desk adding a long page wants to see. The answer is read as every other one is.
 */
export function uploadArticle(
  storyId: string,
  request: AddArticleRequest,
  onProgress: (progress: UploadProgress) => void,
): Promise<ArticleReview> {
  return new Promise((resolve, reject) => {
    const path = `/api/stories/${encodeURIComponent(storyId)}/articles`;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ phase: 'sending', fraction: event.loaded / event.total });
    };
    xhr.upload.onload = () => onProgress({ phase: 'analysing' });
    xhr.onerror = () => reject(unreachable());
    xhr.onload = () => {
      const answer = {
        status: xhr.status,
        ok: xhr.status >= 200 && xhr.status < 300,
        json: () => JSON.parse(xhr.responseText) as unknown,
      };
      readAnswer(path, answer, articleReviewSchema).then(resolve, reject);
    };
    onProgress({ phase: 'sending', fraction: 0 });
    xhr.send(JSON.stringify(request));
  });
}

/** A file's bytes as base64, so the server can tell text from binary and check the encoding. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Asks the server to fetch the page at an address and add its story (no upload to follow). */
export function addArticleFromUrl(storyId: string, request: AddArticleFromUrlRequest): Promise<ArticleReview> {
  return fetchJson(
    `/api/stories/${encodeURIComponent(storyId)}/articles/from-url`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'include',
      body: JSON.stringify(request),
    },
    articleReviewSchema,
  );
}
