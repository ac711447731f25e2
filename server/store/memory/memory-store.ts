import type {
  Actor,
  Article,
  AuditEntry,
  Claim,
  Mention,
  Outlet,
  Passage,
  Story,
  StoryBundle,
  StoryEvent,
} from '@/domain/schemas';
import type { Corpus } from '../../corpus/load-corpus';
import {
  emptySeedReport,
  verdictContentOf,
  type Account,
  type SecurityEvent,
  type SeedReport,
  type SessionRecord,
  type Store,
} from '../store';
import { referencedBy } from '../story-references';

/**
 * The store behind the mock API and the tests: the same behaviour as the SQLite store,
 * held in maps. Values are cloned on the way in and out so callers never share state with it.
 */
export function createMemoryStore(): Store {
  const outlets = new Map<string, Outlet>();
  const actors = new Map<string, Actor>();
  const stories = new Map<string, Story>();
  const articles = new Map<string, Article>();
  const claims = new Map<string, Claim>();
  const mentions = new Map<string, Mention>();
  const events = new Map<string, StoryEvent>();
  const passages = new Map<string, Passage>();
  const accounts = new Map<string, Account>();
  const sessions = new Map<string, SessionRecord>();
  const audit: AuditEntry[] = [];
  const securityLog: SecurityEvent[] = [];
  const rejections = new Map<string, { article: string; claim: string; sentenceStart: number }>();

  const ofStory = <T extends { story: string }>(map: Map<string, T>, storyId: string) =>
    [...map.values()].filter((item) => item.story === storyId);
  const mentionsOf = (storyId: string) => {
    const articleIds = new Set(ofStory(articles, storyId).map((a) => a.id));
    return [...mentions.values()].filter((m) => articleIds.has(m.article));
  };
  const replaceStoryPassages = (storyId: string, storyPassages: Passage[]) => {
    for (const passage of ofStory(passages, storyId)) passages.delete(passage.id);
    addMissing(passages, storyPassages);
  };
  const addMissing = <T extends { id: string }>(map: Map<string, T>, items: T[]) => {
    let added = 0;
    for (const item of items) {
      if (map.has(item.id)) continue;
      map.set(item.id, structuredClone(item));
      added += 1;
    }
    return added;
  };

  return {
    async listStories() {
      return [...stories.values()].map((story) => ({
        ...structuredClone(story),
        counts: {
          articles: ofStory(articles, story.id).length,
          claims: ofStory(claims, story.id).length,
          mentions: mentionsOf(story.id).length,
          events: ofStory(events, story.id).length,
        },
      }));
    },

    async getStoryBundle(storyId) {
      const story = stories.get(storyId);
      if (!story) return null;
      const storyArticles = ofStory(articles, storyId).map(
        ({ body: _body, paragraphs: _paragraphs, sentences: _sentences, ...meta }) => meta,
      );
      const storyMentions = mentionsOf(storyId);
      const refs = referencedBy(storyArticles, storyMentions, ofStory(events, storyId));
      const bundle: StoryBundle = {
        story,
        outlets: [...outlets.values()].filter((o) => refs.outlets.has(o.id)),
        actors: [...actors.values()].filter((a) => refs.actors.has(a.id)),
        articles: storyArticles,
        claims: ofStory(claims, storyId),
        mentions: storyMentions,
        events: ofStory(events, storyId),
        passages: ofStory(passages, storyId),
      };
      return structuredClone(bundle);
    },

    async getArticle(articleId) {
      const article = articles.get(articleId);
      return article ? structuredClone(article) : null;
    },

    async seed(corpus: Corpus): Promise<SeedReport> {
      const report = emptySeedReport();
      addMissing(outlets, corpus.outlets);
      addMissing(actors, corpus.actors);
      for (const s of corpus.stories) {
        report.stories += addMissing(stories, [s.story]);
        report.articles += addMissing(articles, s.articles);
        report.claims += addMissing(
          claims,
          s.claims.map((c) => ({ ...c, verdict: { ...c.verdict, evidence: c.verdict.evidence ?? [] } })),
        );
        report.mentions += addMissing(mentions, s.mentions);
        report.events += addMissing(events, s.events);
        addMissing(passages, s.passages);
      }
      return report;
    },

    async getClaim(claimId) {
      const claim = claims.get(claimId);
      return claim ? structuredClone(claim) : null;
    },

    async listClaimMentionIds(claimId) {
      return [...mentions.values()].filter((m) => m.claim === claimId).map((m) => m.id);
    },

    async updateVerdict({ claimId, expectedVersion, content, editor, at }) {
      // No await before the write: the check and the change happen in one turn of the event loop.
      const current = claims.get(claimId);
      if (!current) return { kind: 'not_found' };
      if (current.verdict.version !== expectedVersion) return { kind: 'stale', claim: structuredClone(current) };
      const version = current.verdict.version + 1;
      const updated: Claim = {
        ...current,
        verdict: { ...structuredClone(content), editor, at, version },
      };
      const entry: AuditEntry = {
        id: audit.length + 1,
        claim: claimId,
        story: current.story,
        version,
        editor,
        at,
        from: verdictContentOf(current),
        to: structuredClone(content),
      };
      claims.set(claimId, updated);
      audit.push(entry);
      return { kind: 'updated', claim: structuredClone(updated), entry: structuredClone(entry) };
    },

    async listVerdictHistory(claimId) {
      return structuredClone(audit.filter((entry) => entry.claim === claimId));
    },

    async createAccount(account) {
      if (accounts.has(account.username)) return 'exists';
      accounts.set(account.username, { ...account });
      return 'created';
    },

    async getAccount(username) {
      const account = accounts.get(username);
      return account ? { ...account } : null;
    },

    async listAccounts() {
      return [...accounts.values()]
        .map(({ passwordHash: _hash, ...summary }) => summary)
        .sort((a, b) => a.username.localeCompare(b.username));
    },

    async updateAccount(username, changes) {
      const account = accounts.get(username);
      if (!account) return false;
      accounts.set(username, {
        ...account,
        ...(changes.role ? { role: changes.role } : {}),
        ...(changes.passwordHash ? { passwordHash: changes.passwordHash } : {}),
      });
      return true;
    },

    async deleteAccount(username) {
      if (!accounts.delete(username)) return false;
      for (const [hash, session] of sessions) if (session.username === username) sessions.delete(hash);
      return true;
    },

    async createSession(session) {
      if (!accounts.has(session.username)) throw new Error(`no account "${session.username}"`);
      sessions.set(session.tokenHash, { ...session });
    },

    async findSession(tokenHash, now) {
      const session = sessions.get(tokenHash);
      if (!session || session.expiresAt <= now) return null;
      const account = accounts.get(session.username);
      if (!account) return null;
      return { username: account.username, role: account.role, expiresAt: session.expiresAt };
    },

    async deleteSession(tokenHash) {
      sessions.delete(tokenHash);
    },

    async deleteSessionsOf(username) {
      let removed = 0;
      for (const [hash, session] of sessions) {
        if (session.username !== username) continue;
        sessions.delete(hash);
        removed += 1;
      }
      return removed;
    },

    async deleteExpiredSessions(now) {
      let removed = 0;
      for (const [hash, session] of sessions) {
        if (session.expiresAt > now) continue;
        sessions.delete(hash);
        removed += 1;
      }
      return removed;
    },

    async logSecurityEvent(event) {
      securityLog.push({ ...event, id: securityLog.length + 1 });
    },

    async listSecurityEvents() {
      return securityLog.map((event) => ({ ...event }));
    },

    async listOutlets() {
      return structuredClone([...outlets.values()]);
    },

    async listActors() {
      return structuredClone([...actors.values()]);
    },

    async listStoryArticles(storyId) {
      return structuredClone(ofStory(articles, storyId));
    },

    async addArticle({ article, newOutlet, passages: storyPassages }) {
      if (articles.has(article.id)) return 'exists';
      if (newOutlet) addMissing(outlets, [newOutlet]);
      articles.set(article.id, structuredClone(article));
      if (storyPassages) replaceStoryPassages(article.story, storyPassages);
      return 'added';
    },

    async replacePassages(storyId, storyPassages) {
      replaceStoryPassages(storyId, storyPassages);
    },

    async addMention(mention) {
      if (mentions.has(mention.id)) return 'exists';
      if (!articles.has(mention.article)) throw new Error(`no article ${mention.article}`);
      if (!claims.has(mention.claim)) throw new Error(`no claim ${mention.claim}`);
      mentions.set(mention.id, structuredClone(mention));
      return 'added';
    },

    async addClaim(claim) {
      return addMissing(claims, [claim]) === 1 ? 'added' : 'exists';
    },

    async rejectSuggestion({ article, claim, sentenceStart }) {
      const key = `${article}\u0000${claim}\u0000${sentenceStart}`;
      if (!rejections.has(key)) rejections.set(key, { article, claim, sentenceStart });
    },

    async listRejectedSuggestions(articleId) {
      return [...rejections.values()]
        .filter((r) => r.article === articleId)
        .map(({ claim, sentenceStart }) => ({ claim, sentenceStart }));
    },

    async close() {},
  };
}
