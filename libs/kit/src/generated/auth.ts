import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AuthServiceClient as _lms_auth_v1_AuthServiceClient, AuthServiceDefinition as _lms_auth_v1_AuthServiceDefinition } from './lms/auth/v1/AuthService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  lms: {
    auth: {
      v1: {
        AuthService: SubtypeConstructor<typeof grpc.Client, _lms_auth_v1_AuthServiceClient> & { service: _lms_auth_v1_AuthServiceDefinition }
        BatchGetUsersRequest: MessageTypeDefinition
        ChangePasswordRequest: MessageTypeDefinition
        CreateUserRequest: MessageTypeDefinition
        Empty: MessageTypeDefinition
        Jwk: MessageTypeDefinition
        Jwks: MessageTypeDefinition
        ListUsersRequest: MessageTypeDefinition
        LoginRequest: MessageTypeDefinition
        LogoutRequest: MessageTypeDefinition
        PasswordResetConfirm: MessageTypeDefinition
        PasswordResetRequest: MessageTypeDefinition
        PublicUser: MessageTypeDefinition
        PublicUserList: MessageTypeDefinition
        RefreshRequest: MessageTypeDefinition
        RegisterRequest: MessageTypeDefinition
        ResolveUsersByEmailRequest: MessageTypeDefinition
        ResolvedUser: MessageTypeDefinition
        ResolvedUserList: MessageTypeDefinition
        Session: MessageTypeDefinition
        SessionList: MessageTypeDefinition
        TokenIssued: MessageTypeDefinition
        TokenPair: MessageTypeDefinition
        UpdateProfileRequest: MessageTypeDefinition
        UpdateUserRequest: MessageTypeDefinition
        User: MessageTypeDefinition
        UserIdRequest: MessageTypeDefinition
        UserPage: MessageTypeDefinition
        UserStats: MessageTypeDefinition
        VerifyEmailRequest: MessageTypeDefinition
      }
    }
  }
}

