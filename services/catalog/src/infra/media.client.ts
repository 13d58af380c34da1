// TEMPORARY until K's createMediaClient lands in @lms/kit/clients (then main.ts imports it from there).
import type { MediaServiceDefinition } from '@lms/kit/generated/lms/media/v1/MediaService';
import { createClient, loadService } from '@lms/kit/grpc';
import type { FileFactsClient } from './media.directory';

export function createMediaClient(address: string, deadlineMs: number): FileFactsClient & { close(): void } {
  return createClient<MediaServiceDefinition>(loadService('lms/media/v1/media.proto', 'lms.media.v1.MediaService'), address, {
    deadlineMs,
    retryableMethods: ['BatchGetFileFacts'],
  }) as unknown as FileFactsClient & { close(): void };
}
