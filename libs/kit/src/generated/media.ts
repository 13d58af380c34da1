import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { MediaServiceClient as _lms_media_v1_MediaServiceClient, MediaServiceDefinition as _lms_media_v1_MediaServiceDefinition } from './lms/media/v1/MediaService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  lms: {
    media: {
      v1: {
        BatchGetFileFactsRequest: MessageTypeDefinition
        CompleteDirectUploadRequest: MessageTypeDefinition
        CompletedPart: MessageTypeDefinition
        CreateDirectUploadRequest: MessageTypeDefinition
        DirectUpload: MessageTypeDefinition
        DownloadHead: MessageTypeDefinition
        DownloadRequest: MessageTypeDefinition
        DownloadResponse: MessageTypeDefinition
        Empty: MessageTypeDefinition
        File: MessageTypeDefinition
        FileFactList: MessageTypeDefinition
        FileFacts: MessageTypeDefinition
        FileIdRequest: MessageTypeDefinition
        FilePage: MessageTypeDefinition
        ListMyFilesRequest: MessageTypeDefinition
        MediaService: SubtypeConstructor<typeof grpc.Client, _lms_media_v1_MediaServiceClient> & { service: _lms_media_v1_MediaServiceDefinition }
        UploadEnd: MessageTypeDefinition
        UploadIdRequest: MessageTypeDefinition
        UploadPart: MessageTypeDefinition
        UploadRequest: MessageTypeDefinition
        UploadStart: MessageTypeDefinition
      }
    }
  }
}

