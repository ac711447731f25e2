const part = encodeURIComponent;

/** Where the desk's objects live in the API, written once for every form that changes them. */
export const deskPaths = {
  claim: (claim: string) => `/api/claims/${part(claim)}`,
  claimUndo: (claim: string) => `/api/claims/${part(claim)}/undo`,
  storyClaims: (story: string) => `/api/stories/${part(story)}/claims`,
  storyMentions: (story: string) => `/api/stories/${part(story)}/mentions`,
  mention: (mention: string) => `/api/mentions/${part(mention)}`,
  mentionUndo: (mention: string) => `/api/mentions/${part(mention)}/undo`,
};
