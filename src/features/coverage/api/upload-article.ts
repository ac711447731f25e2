import { apiErrorSchema, articleReviewSchema, type AddArticleRequest, type ArticleReview } from '@/domain/schemas';
import { ApiError } from '@/lib/api/api-error';

export type UploadProgress = { phase: 'sending'; fraction: number } | { phase: 'analysing' };

/**
 * Sends a new article with XMLHttpRequest rather than fetch: only it reports upload progress,
 * which a desk adding a long page wants to see. The answer is validated like any other.
 */
export function uploadArticle(
  storyId: string,
  request: AddArticleRequest,
  onProgress: (progress: UploadProgress) => void,
): Promise<ArticleReview> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/stories/${encodeURIComponent(storyId)}/articles`);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ phase: 'sending', fraction: event.loaded / event.total });
    };
    xhr.upload.onload = () => onProgress({ phase: 'analysing' });
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', 'The server could not be reached. Check the connection and retry.'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        reject(new ApiError(xhr.status, 'bad_response', 'The server answered with something other than JSON.'));
        return;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = apiErrorSchema.safeParse(data);
        reject(
          error.success
            ? new ApiError(xhr.status, error.data.error.code, error.data.error.message, error.data.error.field)
            : new ApiError(xhr.status, 'http_error', `The server answered with HTTP ${xhr.status}.`),
        );
        return;
      }
      const review = articleReviewSchema.safeParse(data);
      if (review.success) resolve(review.data);
      else reject(new ApiError(xhr.status, 'invalid_response', "The server's answer is not in the expected shape."));
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
