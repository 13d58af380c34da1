// Original file: protos/lms/media/v1/media.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BatchGetFileFactsRequest as _lms_media_v1_BatchGetFileFactsRequest, BatchGetFileFactsRequest__Output as _lms_media_v1_BatchGetFileFactsRequest__Output } from '../../../lms/media/v1/BatchGetFileFactsRequest';
import type { CompleteDirectUploadRequest as _lms_media_v1_CompleteDirectUploadRequest, CompleteDirectUploadRequest__Output as _lms_media_v1_CompleteDirectUploadRequest__Output } from '../../../lms/media/v1/CompleteDirectUploadRequest';
import type { CreateDirectUploadRequest as _lms_media_v1_CreateDirectUploadRequest, CreateDirectUploadRequest__Output as _lms_media_v1_CreateDirectUploadRequest__Output } from '../../../lms/media/v1/CreateDirectUploadRequest';
import type { DirectUpload as _lms_media_v1_DirectUpload, DirectUpload__Output as _lms_media_v1_DirectUpload__Output } from '../../../lms/media/v1/DirectUpload';
import type { DownloadRequest as _lms_media_v1_DownloadRequest, DownloadRequest__Output as _lms_media_v1_DownloadRequest__Output } from '../../../lms/media/v1/DownloadRequest';
import type { DownloadResponse as _lms_media_v1_DownloadResponse, DownloadResponse__Output as _lms_media_v1_DownloadResponse__Output } from '../../../lms/media/v1/DownloadResponse';
import type { Empty as _lms_media_v1_Empty, Empty__Output as _lms_media_v1_Empty__Output } from '../../../lms/media/v1/Empty';
import type { File as _lms_media_v1_File, File__Output as _lms_media_v1_File__Output } from '../../../lms/media/v1/File';
import type { FileFactList as _lms_media_v1_FileFactList, FileFactList__Output as _lms_media_v1_FileFactList__Output } from '../../../lms/media/v1/FileFactList';
import type { FileIdRequest as _lms_media_v1_FileIdRequest, FileIdRequest__Output as _lms_media_v1_FileIdRequest__Output } from '../../../lms/media/v1/FileIdRequest';
import type { FilePage as _lms_media_v1_FilePage, FilePage__Output as _lms_media_v1_FilePage__Output } from '../../../lms/media/v1/FilePage';
import type { ListMyFilesRequest as _lms_media_v1_ListMyFilesRequest, ListMyFilesRequest__Output as _lms_media_v1_ListMyFilesRequest__Output } from '../../../lms/media/v1/ListMyFilesRequest';
import type { UploadIdRequest as _lms_media_v1_UploadIdRequest, UploadIdRequest__Output as _lms_media_v1_UploadIdRequest__Output } from '../../../lms/media/v1/UploadIdRequest';
import type { UploadRequest as _lms_media_v1_UploadRequest, UploadRequest__Output as _lms_media_v1_UploadRequest__Output } from '../../../lms/media/v1/UploadRequest';

export interface MediaServiceClient extends grpc.Client {
  AbortDirectUpload(argument: _lms_media_v1_UploadIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  AbortDirectUpload(argument: _lms_media_v1_UploadIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  AbortDirectUpload(argument: _lms_media_v1_UploadIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  AbortDirectUpload(argument: _lms_media_v1_UploadIdRequest, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  abortDirectUpload(argument: _lms_media_v1_UploadIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  abortDirectUpload(argument: _lms_media_v1_UploadIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  abortDirectUpload(argument: _lms_media_v1_UploadIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  abortDirectUpload(argument: _lms_media_v1_UploadIdRequest, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  
  BatchGetFileFacts(argument: _lms_media_v1_BatchGetFileFactsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_FileFactList__Output>): grpc.ClientUnaryCall;
  BatchGetFileFacts(argument: _lms_media_v1_BatchGetFileFactsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_FileFactList__Output>): grpc.ClientUnaryCall;
  BatchGetFileFacts(argument: _lms_media_v1_BatchGetFileFactsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_FileFactList__Output>): grpc.ClientUnaryCall;
  BatchGetFileFacts(argument: _lms_media_v1_BatchGetFileFactsRequest, callback: grpc.requestCallback<_lms_media_v1_FileFactList__Output>): grpc.ClientUnaryCall;
  batchGetFileFacts(argument: _lms_media_v1_BatchGetFileFactsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_FileFactList__Output>): grpc.ClientUnaryCall;
  batchGetFileFacts(argument: _lms_media_v1_BatchGetFileFactsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_FileFactList__Output>): grpc.ClientUnaryCall;
  batchGetFileFacts(argument: _lms_media_v1_BatchGetFileFactsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_FileFactList__Output>): grpc.ClientUnaryCall;
  batchGetFileFacts(argument: _lms_media_v1_BatchGetFileFactsRequest, callback: grpc.requestCallback<_lms_media_v1_FileFactList__Output>): grpc.ClientUnaryCall;
  
  CompleteDirectUpload(argument: _lms_media_v1_CompleteDirectUploadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  CompleteDirectUpload(argument: _lms_media_v1_CompleteDirectUploadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  CompleteDirectUpload(argument: _lms_media_v1_CompleteDirectUploadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  CompleteDirectUpload(argument: _lms_media_v1_CompleteDirectUploadRequest, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  completeDirectUpload(argument: _lms_media_v1_CompleteDirectUploadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  completeDirectUpload(argument: _lms_media_v1_CompleteDirectUploadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  completeDirectUpload(argument: _lms_media_v1_CompleteDirectUploadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  completeDirectUpload(argument: _lms_media_v1_CompleteDirectUploadRequest, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  
  CreateDirectUpload(argument: _lms_media_v1_CreateDirectUploadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  CreateDirectUpload(argument: _lms_media_v1_CreateDirectUploadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  CreateDirectUpload(argument: _lms_media_v1_CreateDirectUploadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  CreateDirectUpload(argument: _lms_media_v1_CreateDirectUploadRequest, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  createDirectUpload(argument: _lms_media_v1_CreateDirectUploadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  createDirectUpload(argument: _lms_media_v1_CreateDirectUploadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  createDirectUpload(argument: _lms_media_v1_CreateDirectUploadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  createDirectUpload(argument: _lms_media_v1_CreateDirectUploadRequest, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  
  DeleteFile(argument: _lms_media_v1_FileIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteFile(argument: _lms_media_v1_FileIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteFile(argument: _lms_media_v1_FileIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteFile(argument: _lms_media_v1_FileIdRequest, callback: grpc.requestCallback<_lms_media_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteFile(argument: _lms_media_v1_FileIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteFile(argument: _lms_media_v1_FileIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteFile(argument: _lms_media_v1_FileIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteFile(argument: _lms_media_v1_FileIdRequest, callback: grpc.requestCallback<_lms_media_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  Download(argument: _lms_media_v1_DownloadRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_lms_media_v1_DownloadResponse__Output>;
  Download(argument: _lms_media_v1_DownloadRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_lms_media_v1_DownloadResponse__Output>;
  download(argument: _lms_media_v1_DownloadRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_lms_media_v1_DownloadResponse__Output>;
  download(argument: _lms_media_v1_DownloadRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_lms_media_v1_DownloadResponse__Output>;
  
  GetDirectUpload(argument: _lms_media_v1_UploadIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  GetDirectUpload(argument: _lms_media_v1_UploadIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  GetDirectUpload(argument: _lms_media_v1_UploadIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  GetDirectUpload(argument: _lms_media_v1_UploadIdRequest, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  getDirectUpload(argument: _lms_media_v1_UploadIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  getDirectUpload(argument: _lms_media_v1_UploadIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  getDirectUpload(argument: _lms_media_v1_UploadIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  getDirectUpload(argument: _lms_media_v1_UploadIdRequest, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientUnaryCall;
  
  GetFile(argument: _lms_media_v1_FileIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  GetFile(argument: _lms_media_v1_FileIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  GetFile(argument: _lms_media_v1_FileIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  GetFile(argument: _lms_media_v1_FileIdRequest, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  getFile(argument: _lms_media_v1_FileIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  getFile(argument: _lms_media_v1_FileIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  getFile(argument: _lms_media_v1_FileIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  getFile(argument: _lms_media_v1_FileIdRequest, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientUnaryCall;
  
  ListMyFiles(argument: _lms_media_v1_ListMyFilesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_FilePage__Output>): grpc.ClientUnaryCall;
  ListMyFiles(argument: _lms_media_v1_ListMyFilesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_FilePage__Output>): grpc.ClientUnaryCall;
  ListMyFiles(argument: _lms_media_v1_ListMyFilesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_FilePage__Output>): grpc.ClientUnaryCall;
  ListMyFiles(argument: _lms_media_v1_ListMyFilesRequest, callback: grpc.requestCallback<_lms_media_v1_FilePage__Output>): grpc.ClientUnaryCall;
  listMyFiles(argument: _lms_media_v1_ListMyFilesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_FilePage__Output>): grpc.ClientUnaryCall;
  listMyFiles(argument: _lms_media_v1_ListMyFilesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_FilePage__Output>): grpc.ClientUnaryCall;
  listMyFiles(argument: _lms_media_v1_ListMyFilesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_FilePage__Output>): grpc.ClientUnaryCall;
  listMyFiles(argument: _lms_media_v1_ListMyFilesRequest, callback: grpc.requestCallback<_lms_media_v1_FilePage__Output>): grpc.ClientUnaryCall;
  
  PutDirectUploadContent(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  PutDirectUploadContent(metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  PutDirectUploadContent(options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  PutDirectUploadContent(callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  putDirectUploadContent(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  putDirectUploadContent(metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  putDirectUploadContent(options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  putDirectUploadContent(callback: grpc.requestCallback<_lms_media_v1_DirectUpload__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  
  Upload(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  Upload(metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  Upload(options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  Upload(callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  upload(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  upload(metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  upload(options: grpc.CallOptions, callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  upload(callback: grpc.requestCallback<_lms_media_v1_File__Output>): grpc.ClientWritableStream<_lms_media_v1_UploadRequest>;
  
}

export interface MediaServiceHandlers extends grpc.UntypedServiceImplementation {
  AbortDirectUpload: grpc.handleUnaryCall<_lms_media_v1_UploadIdRequest__Output, _lms_media_v1_DirectUpload>;
  
  BatchGetFileFacts: grpc.handleUnaryCall<_lms_media_v1_BatchGetFileFactsRequest__Output, _lms_media_v1_FileFactList>;
  
  CompleteDirectUpload: grpc.handleUnaryCall<_lms_media_v1_CompleteDirectUploadRequest__Output, _lms_media_v1_File>;
  
  CreateDirectUpload: grpc.handleUnaryCall<_lms_media_v1_CreateDirectUploadRequest__Output, _lms_media_v1_DirectUpload>;
  
  DeleteFile: grpc.handleUnaryCall<_lms_media_v1_FileIdRequest__Output, _lms_media_v1_Empty>;
  
  Download: grpc.handleServerStreamingCall<_lms_media_v1_DownloadRequest__Output, _lms_media_v1_DownloadResponse>;
  
  GetDirectUpload: grpc.handleUnaryCall<_lms_media_v1_UploadIdRequest__Output, _lms_media_v1_DirectUpload>;
  
  GetFile: grpc.handleUnaryCall<_lms_media_v1_FileIdRequest__Output, _lms_media_v1_File>;
  
  ListMyFiles: grpc.handleUnaryCall<_lms_media_v1_ListMyFilesRequest__Output, _lms_media_v1_FilePage>;
  
  PutDirectUploadContent: grpc.handleClientStreamingCall<_lms_media_v1_UploadRequest__Output, _lms_media_v1_DirectUpload>;
  
  Upload: grpc.handleClientStreamingCall<_lms_media_v1_UploadRequest__Output, _lms_media_v1_File>;
  
}

export interface MediaServiceDefinition extends grpc.ServiceDefinition {
  AbortDirectUpload: MethodDefinition<_lms_media_v1_UploadIdRequest, _lms_media_v1_DirectUpload, _lms_media_v1_UploadIdRequest__Output, _lms_media_v1_DirectUpload__Output>
  BatchGetFileFacts: MethodDefinition<_lms_media_v1_BatchGetFileFactsRequest, _lms_media_v1_FileFactList, _lms_media_v1_BatchGetFileFactsRequest__Output, _lms_media_v1_FileFactList__Output>
  CompleteDirectUpload: MethodDefinition<_lms_media_v1_CompleteDirectUploadRequest, _lms_media_v1_File, _lms_media_v1_CompleteDirectUploadRequest__Output, _lms_media_v1_File__Output>
  CreateDirectUpload: MethodDefinition<_lms_media_v1_CreateDirectUploadRequest, _lms_media_v1_DirectUpload, _lms_media_v1_CreateDirectUploadRequest__Output, _lms_media_v1_DirectUpload__Output>
  DeleteFile: MethodDefinition<_lms_media_v1_FileIdRequest, _lms_media_v1_Empty, _lms_media_v1_FileIdRequest__Output, _lms_media_v1_Empty__Output>
  Download: MethodDefinition<_lms_media_v1_DownloadRequest, _lms_media_v1_DownloadResponse, _lms_media_v1_DownloadRequest__Output, _lms_media_v1_DownloadResponse__Output>
  GetDirectUpload: MethodDefinition<_lms_media_v1_UploadIdRequest, _lms_media_v1_DirectUpload, _lms_media_v1_UploadIdRequest__Output, _lms_media_v1_DirectUpload__Output>
  GetFile: MethodDefinition<_lms_media_v1_FileIdRequest, _lms_media_v1_File, _lms_media_v1_FileIdRequest__Output, _lms_media_v1_File__Output>
  ListMyFiles: MethodDefinition<_lms_media_v1_ListMyFilesRequest, _lms_media_v1_FilePage, _lms_media_v1_ListMyFilesRequest__Output, _lms_media_v1_FilePage__Output>
  PutDirectUploadContent: MethodDefinition<_lms_media_v1_UploadRequest, _lms_media_v1_DirectUpload, _lms_media_v1_UploadRequest__Output, _lms_media_v1_DirectUpload__Output>
  Upload: MethodDefinition<_lms_media_v1_UploadRequest, _lms_media_v1_File, _lms_media_v1_UploadRequest__Output, _lms_media_v1_File__Output>
}
