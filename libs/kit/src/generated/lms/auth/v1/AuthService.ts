// Original file: protos/lms/auth/v1/auth.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BatchGetUsersRequest as _lms_auth_v1_BatchGetUsersRequest, BatchGetUsersRequest__Output as _lms_auth_v1_BatchGetUsersRequest__Output } from '../../../lms/auth/v1/BatchGetUsersRequest';
import type { ChangePasswordRequest as _lms_auth_v1_ChangePasswordRequest, ChangePasswordRequest__Output as _lms_auth_v1_ChangePasswordRequest__Output } from '../../../lms/auth/v1/ChangePasswordRequest';
import type { CreateUserRequest as _lms_auth_v1_CreateUserRequest, CreateUserRequest__Output as _lms_auth_v1_CreateUserRequest__Output } from '../../../lms/auth/v1/CreateUserRequest';
import type { Empty as _lms_auth_v1_Empty, Empty__Output as _lms_auth_v1_Empty__Output } from '../../../lms/auth/v1/Empty';
import type { Jwks as _lms_auth_v1_Jwks, Jwks__Output as _lms_auth_v1_Jwks__Output } from '../../../lms/auth/v1/Jwks';
import type { ListUsersRequest as _lms_auth_v1_ListUsersRequest, ListUsersRequest__Output as _lms_auth_v1_ListUsersRequest__Output } from '../../../lms/auth/v1/ListUsersRequest';
import type { LoginRequest as _lms_auth_v1_LoginRequest, LoginRequest__Output as _lms_auth_v1_LoginRequest__Output } from '../../../lms/auth/v1/LoginRequest';
import type { LogoutRequest as _lms_auth_v1_LogoutRequest, LogoutRequest__Output as _lms_auth_v1_LogoutRequest__Output } from '../../../lms/auth/v1/LogoutRequest';
import type { PasswordResetConfirm as _lms_auth_v1_PasswordResetConfirm, PasswordResetConfirm__Output as _lms_auth_v1_PasswordResetConfirm__Output } from '../../../lms/auth/v1/PasswordResetConfirm';
import type { PasswordResetRequest as _lms_auth_v1_PasswordResetRequest, PasswordResetRequest__Output as _lms_auth_v1_PasswordResetRequest__Output } from '../../../lms/auth/v1/PasswordResetRequest';
import type { PublicUserList as _lms_auth_v1_PublicUserList, PublicUserList__Output as _lms_auth_v1_PublicUserList__Output } from '../../../lms/auth/v1/PublicUserList';
import type { RefreshRequest as _lms_auth_v1_RefreshRequest, RefreshRequest__Output as _lms_auth_v1_RefreshRequest__Output } from '../../../lms/auth/v1/RefreshRequest';
import type { RegisterRequest as _lms_auth_v1_RegisterRequest, RegisterRequest__Output as _lms_auth_v1_RegisterRequest__Output } from '../../../lms/auth/v1/RegisterRequest';
import type { ResolveUsersByEmailRequest as _lms_auth_v1_ResolveUsersByEmailRequest, ResolveUsersByEmailRequest__Output as _lms_auth_v1_ResolveUsersByEmailRequest__Output } from '../../../lms/auth/v1/ResolveUsersByEmailRequest';
import type { ResolvedUserList as _lms_auth_v1_ResolvedUserList, ResolvedUserList__Output as _lms_auth_v1_ResolvedUserList__Output } from '../../../lms/auth/v1/ResolvedUserList';
import type { SessionList as _lms_auth_v1_SessionList, SessionList__Output as _lms_auth_v1_SessionList__Output } from '../../../lms/auth/v1/SessionList';
import type { TokenIssued as _lms_auth_v1_TokenIssued, TokenIssued__Output as _lms_auth_v1_TokenIssued__Output } from '../../../lms/auth/v1/TokenIssued';
import type { TokenPair as _lms_auth_v1_TokenPair, TokenPair__Output as _lms_auth_v1_TokenPair__Output } from '../../../lms/auth/v1/TokenPair';
import type { UpdateProfileRequest as _lms_auth_v1_UpdateProfileRequest, UpdateProfileRequest__Output as _lms_auth_v1_UpdateProfileRequest__Output } from '../../../lms/auth/v1/UpdateProfileRequest';
import type { UpdateUserRequest as _lms_auth_v1_UpdateUserRequest, UpdateUserRequest__Output as _lms_auth_v1_UpdateUserRequest__Output } from '../../../lms/auth/v1/UpdateUserRequest';
import type { User as _lms_auth_v1_User, User__Output as _lms_auth_v1_User__Output } from '../../../lms/auth/v1/User';
import type { UserIdRequest as _lms_auth_v1_UserIdRequest, UserIdRequest__Output as _lms_auth_v1_UserIdRequest__Output } from '../../../lms/auth/v1/UserIdRequest';
import type { UserPage as _lms_auth_v1_UserPage, UserPage__Output as _lms_auth_v1_UserPage__Output } from '../../../lms/auth/v1/UserPage';
import type { UserStats as _lms_auth_v1_UserStats, UserStats__Output as _lms_auth_v1_UserStats__Output } from '../../../lms/auth/v1/UserStats';
import type { VerifyEmailRequest as _lms_auth_v1_VerifyEmailRequest, VerifyEmailRequest__Output as _lms_auth_v1_VerifyEmailRequest__Output } from '../../../lms/auth/v1/VerifyEmailRequest';

export interface AuthServiceClient extends grpc.Client {
  ActivateUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  ActivateUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  ActivateUser(argument: _lms_auth_v1_UserIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  ActivateUser(argument: _lms_auth_v1_UserIdRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  activateUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  activateUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  activateUser(argument: _lms_auth_v1_UserIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  activateUser(argument: _lms_auth_v1_UserIdRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  
  BatchGetUsers(argument: _lms_auth_v1_BatchGetUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_PublicUserList__Output>): grpc.ClientUnaryCall;
  BatchGetUsers(argument: _lms_auth_v1_BatchGetUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_PublicUserList__Output>): grpc.ClientUnaryCall;
  BatchGetUsers(argument: _lms_auth_v1_BatchGetUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_PublicUserList__Output>): grpc.ClientUnaryCall;
  BatchGetUsers(argument: _lms_auth_v1_BatchGetUsersRequest, callback: grpc.requestCallback<_lms_auth_v1_PublicUserList__Output>): grpc.ClientUnaryCall;
  batchGetUsers(argument: _lms_auth_v1_BatchGetUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_PublicUserList__Output>): grpc.ClientUnaryCall;
  batchGetUsers(argument: _lms_auth_v1_BatchGetUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_PublicUserList__Output>): grpc.ClientUnaryCall;
  batchGetUsers(argument: _lms_auth_v1_BatchGetUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_PublicUserList__Output>): grpc.ClientUnaryCall;
  batchGetUsers(argument: _lms_auth_v1_BatchGetUsersRequest, callback: grpc.requestCallback<_lms_auth_v1_PublicUserList__Output>): grpc.ClientUnaryCall;
  
  ChangePassword(argument: _lms_auth_v1_ChangePasswordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  ChangePassword(argument: _lms_auth_v1_ChangePasswordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  ChangePassword(argument: _lms_auth_v1_ChangePasswordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  ChangePassword(argument: _lms_auth_v1_ChangePasswordRequest, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  changePassword(argument: _lms_auth_v1_ChangePasswordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  changePassword(argument: _lms_auth_v1_ChangePasswordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  changePassword(argument: _lms_auth_v1_ChangePasswordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  changePassword(argument: _lms_auth_v1_ChangePasswordRequest, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  ConfirmPasswordReset(argument: _lms_auth_v1_PasswordResetConfirm, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  ConfirmPasswordReset(argument: _lms_auth_v1_PasswordResetConfirm, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  ConfirmPasswordReset(argument: _lms_auth_v1_PasswordResetConfirm, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  ConfirmPasswordReset(argument: _lms_auth_v1_PasswordResetConfirm, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  confirmPasswordReset(argument: _lms_auth_v1_PasswordResetConfirm, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  confirmPasswordReset(argument: _lms_auth_v1_PasswordResetConfirm, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  confirmPasswordReset(argument: _lms_auth_v1_PasswordResetConfirm, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  confirmPasswordReset(argument: _lms_auth_v1_PasswordResetConfirm, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  CreateUser(argument: _lms_auth_v1_CreateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _lms_auth_v1_CreateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _lms_auth_v1_CreateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _lms_auth_v1_CreateUserRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _lms_auth_v1_CreateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _lms_auth_v1_CreateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _lms_auth_v1_CreateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _lms_auth_v1_CreateUserRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  
  DeactivateUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  DeactivateUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  DeactivateUser(argument: _lms_auth_v1_UserIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  DeactivateUser(argument: _lms_auth_v1_UserIdRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  deactivateUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  deactivateUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  deactivateUser(argument: _lms_auth_v1_UserIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  deactivateUser(argument: _lms_auth_v1_UserIdRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  
  DeleteUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteUser(argument: _lms_auth_v1_UserIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteUser(argument: _lms_auth_v1_UserIdRequest, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _lms_auth_v1_UserIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _lms_auth_v1_UserIdRequest, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  GetJwks(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Jwks__Output>): grpc.ClientUnaryCall;
  GetJwks(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Jwks__Output>): grpc.ClientUnaryCall;
  GetJwks(argument: _lms_auth_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Jwks__Output>): grpc.ClientUnaryCall;
  GetJwks(argument: _lms_auth_v1_Empty, callback: grpc.requestCallback<_lms_auth_v1_Jwks__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Jwks__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Jwks__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _lms_auth_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Jwks__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _lms_auth_v1_Empty, callback: grpc.requestCallback<_lms_auth_v1_Jwks__Output>): grpc.ClientUnaryCall;
  
  GetMe(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  GetMe(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  GetMe(argument: _lms_auth_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  GetMe(argument: _lms_auth_v1_Empty, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  getMe(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  getMe(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  getMe(argument: _lms_auth_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  getMe(argument: _lms_auth_v1_Empty, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  
  GetUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _lms_auth_v1_UserIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _lms_auth_v1_UserIdRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _lms_auth_v1_UserIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _lms_auth_v1_UserIdRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  
  GetUserStats(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_UserStats__Output>): grpc.ClientUnaryCall;
  GetUserStats(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_UserStats__Output>): grpc.ClientUnaryCall;
  GetUserStats(argument: _lms_auth_v1_UserIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_UserStats__Output>): grpc.ClientUnaryCall;
  GetUserStats(argument: _lms_auth_v1_UserIdRequest, callback: grpc.requestCallback<_lms_auth_v1_UserStats__Output>): grpc.ClientUnaryCall;
  getUserStats(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_UserStats__Output>): grpc.ClientUnaryCall;
  getUserStats(argument: _lms_auth_v1_UserIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_UserStats__Output>): grpc.ClientUnaryCall;
  getUserStats(argument: _lms_auth_v1_UserIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_UserStats__Output>): grpc.ClientUnaryCall;
  getUserStats(argument: _lms_auth_v1_UserIdRequest, callback: grpc.requestCallback<_lms_auth_v1_UserStats__Output>): grpc.ClientUnaryCall;
  
  ListSessions(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_SessionList__Output>): grpc.ClientUnaryCall;
  ListSessions(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_SessionList__Output>): grpc.ClientUnaryCall;
  ListSessions(argument: _lms_auth_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_SessionList__Output>): grpc.ClientUnaryCall;
  ListSessions(argument: _lms_auth_v1_Empty, callback: grpc.requestCallback<_lms_auth_v1_SessionList__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_SessionList__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_SessionList__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _lms_auth_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_SessionList__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _lms_auth_v1_Empty, callback: grpc.requestCallback<_lms_auth_v1_SessionList__Output>): grpc.ClientUnaryCall;
  
  ListUsers(argument: _lms_auth_v1_ListUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_UserPage__Output>): grpc.ClientUnaryCall;
  ListUsers(argument: _lms_auth_v1_ListUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_UserPage__Output>): grpc.ClientUnaryCall;
  ListUsers(argument: _lms_auth_v1_ListUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_UserPage__Output>): grpc.ClientUnaryCall;
  ListUsers(argument: _lms_auth_v1_ListUsersRequest, callback: grpc.requestCallback<_lms_auth_v1_UserPage__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _lms_auth_v1_ListUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_UserPage__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _lms_auth_v1_ListUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_UserPage__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _lms_auth_v1_ListUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_UserPage__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _lms_auth_v1_ListUsersRequest, callback: grpc.requestCallback<_lms_auth_v1_UserPage__Output>): grpc.ClientUnaryCall;
  
  Login(argument: _lms_auth_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  Login(argument: _lms_auth_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  Login(argument: _lms_auth_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  Login(argument: _lms_auth_v1_LoginRequest, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  login(argument: _lms_auth_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  login(argument: _lms_auth_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  login(argument: _lms_auth_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  login(argument: _lms_auth_v1_LoginRequest, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  
  Logout(argument: _lms_auth_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  Logout(argument: _lms_auth_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  Logout(argument: _lms_auth_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  Logout(argument: _lms_auth_v1_LogoutRequest, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  logout(argument: _lms_auth_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  logout(argument: _lms_auth_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  logout(argument: _lms_auth_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  logout(argument: _lms_auth_v1_LogoutRequest, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  LogoutAll(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  LogoutAll(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  LogoutAll(argument: _lms_auth_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  LogoutAll(argument: _lms_auth_v1_Empty, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  logoutAll(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  logoutAll(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  logoutAll(argument: _lms_auth_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  logoutAll(argument: _lms_auth_v1_Empty, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  Refresh(argument: _lms_auth_v1_RefreshRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _lms_auth_v1_RefreshRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _lms_auth_v1_RefreshRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _lms_auth_v1_RefreshRequest, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  refresh(argument: _lms_auth_v1_RefreshRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  refresh(argument: _lms_auth_v1_RefreshRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  refresh(argument: _lms_auth_v1_RefreshRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  refresh(argument: _lms_auth_v1_RefreshRequest, callback: grpc.requestCallback<_lms_auth_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  
  Register(argument: _lms_auth_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  Register(argument: _lms_auth_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  Register(argument: _lms_auth_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  Register(argument: _lms_auth_v1_RegisterRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  register(argument: _lms_auth_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  register(argument: _lms_auth_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  register(argument: _lms_auth_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  register(argument: _lms_auth_v1_RegisterRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  
  RequestEmailVerification(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  RequestEmailVerification(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  RequestEmailVerification(argument: _lms_auth_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  RequestEmailVerification(argument: _lms_auth_v1_Empty, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  requestEmailVerification(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  requestEmailVerification(argument: _lms_auth_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  requestEmailVerification(argument: _lms_auth_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  requestEmailVerification(argument: _lms_auth_v1_Empty, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  
  RequestPasswordReset(argument: _lms_auth_v1_PasswordResetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  RequestPasswordReset(argument: _lms_auth_v1_PasswordResetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  RequestPasswordReset(argument: _lms_auth_v1_PasswordResetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  RequestPasswordReset(argument: _lms_auth_v1_PasswordResetRequest, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  requestPasswordReset(argument: _lms_auth_v1_PasswordResetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  requestPasswordReset(argument: _lms_auth_v1_PasswordResetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  requestPasswordReset(argument: _lms_auth_v1_PasswordResetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  requestPasswordReset(argument: _lms_auth_v1_PasswordResetRequest, callback: grpc.requestCallback<_lms_auth_v1_TokenIssued__Output>): grpc.ClientUnaryCall;
  
  ResolveUsersByEmail(argument: _lms_auth_v1_ResolveUsersByEmailRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_ResolvedUserList__Output>): grpc.ClientUnaryCall;
  ResolveUsersByEmail(argument: _lms_auth_v1_ResolveUsersByEmailRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_ResolvedUserList__Output>): grpc.ClientUnaryCall;
  ResolveUsersByEmail(argument: _lms_auth_v1_ResolveUsersByEmailRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_ResolvedUserList__Output>): grpc.ClientUnaryCall;
  ResolveUsersByEmail(argument: _lms_auth_v1_ResolveUsersByEmailRequest, callback: grpc.requestCallback<_lms_auth_v1_ResolvedUserList__Output>): grpc.ClientUnaryCall;
  resolveUsersByEmail(argument: _lms_auth_v1_ResolveUsersByEmailRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_ResolvedUserList__Output>): grpc.ClientUnaryCall;
  resolveUsersByEmail(argument: _lms_auth_v1_ResolveUsersByEmailRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_ResolvedUserList__Output>): grpc.ClientUnaryCall;
  resolveUsersByEmail(argument: _lms_auth_v1_ResolveUsersByEmailRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_ResolvedUserList__Output>): grpc.ClientUnaryCall;
  resolveUsersByEmail(argument: _lms_auth_v1_ResolveUsersByEmailRequest, callback: grpc.requestCallback<_lms_auth_v1_ResolvedUserList__Output>): grpc.ClientUnaryCall;
  
  UpdateMe(argument: _lms_auth_v1_UpdateProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateMe(argument: _lms_auth_v1_UpdateProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateMe(argument: _lms_auth_v1_UpdateProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateMe(argument: _lms_auth_v1_UpdateProfileRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  updateMe(argument: _lms_auth_v1_UpdateProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  updateMe(argument: _lms_auth_v1_UpdateProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  updateMe(argument: _lms_auth_v1_UpdateProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  updateMe(argument: _lms_auth_v1_UpdateProfileRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  
  UpdateUser(argument: _lms_auth_v1_UpdateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateUser(argument: _lms_auth_v1_UpdateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateUser(argument: _lms_auth_v1_UpdateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateUser(argument: _lms_auth_v1_UpdateUserRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  updateUser(argument: _lms_auth_v1_UpdateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  updateUser(argument: _lms_auth_v1_UpdateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  updateUser(argument: _lms_auth_v1_UpdateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  updateUser(argument: _lms_auth_v1_UpdateUserRequest, callback: grpc.requestCallback<_lms_auth_v1_User__Output>): grpc.ClientUnaryCall;
  
  VerifyEmail(argument: _lms_auth_v1_VerifyEmailRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  VerifyEmail(argument: _lms_auth_v1_VerifyEmailRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  VerifyEmail(argument: _lms_auth_v1_VerifyEmailRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  VerifyEmail(argument: _lms_auth_v1_VerifyEmailRequest, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  verifyEmail(argument: _lms_auth_v1_VerifyEmailRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  verifyEmail(argument: _lms_auth_v1_VerifyEmailRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  verifyEmail(argument: _lms_auth_v1_VerifyEmailRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  verifyEmail(argument: _lms_auth_v1_VerifyEmailRequest, callback: grpc.requestCallback<_lms_auth_v1_Empty__Output>): grpc.ClientUnaryCall;
  
}

export interface AuthServiceHandlers extends grpc.UntypedServiceImplementation {
  ActivateUser: grpc.handleUnaryCall<_lms_auth_v1_UserIdRequest__Output, _lms_auth_v1_User>;
  
  BatchGetUsers: grpc.handleUnaryCall<_lms_auth_v1_BatchGetUsersRequest__Output, _lms_auth_v1_PublicUserList>;
  
  ChangePassword: grpc.handleUnaryCall<_lms_auth_v1_ChangePasswordRequest__Output, _lms_auth_v1_Empty>;
  
  ConfirmPasswordReset: grpc.handleUnaryCall<_lms_auth_v1_PasswordResetConfirm__Output, _lms_auth_v1_Empty>;
  
  CreateUser: grpc.handleUnaryCall<_lms_auth_v1_CreateUserRequest__Output, _lms_auth_v1_User>;
  
  DeactivateUser: grpc.handleUnaryCall<_lms_auth_v1_UserIdRequest__Output, _lms_auth_v1_User>;
  
  DeleteUser: grpc.handleUnaryCall<_lms_auth_v1_UserIdRequest__Output, _lms_auth_v1_Empty>;
  
  GetJwks: grpc.handleUnaryCall<_lms_auth_v1_Empty__Output, _lms_auth_v1_Jwks>;
  
  GetMe: grpc.handleUnaryCall<_lms_auth_v1_Empty__Output, _lms_auth_v1_User>;
  
  GetUser: grpc.handleUnaryCall<_lms_auth_v1_UserIdRequest__Output, _lms_auth_v1_User>;
  
  GetUserStats: grpc.handleUnaryCall<_lms_auth_v1_UserIdRequest__Output, _lms_auth_v1_UserStats>;
  
  ListSessions: grpc.handleUnaryCall<_lms_auth_v1_Empty__Output, _lms_auth_v1_SessionList>;
  
  ListUsers: grpc.handleUnaryCall<_lms_auth_v1_ListUsersRequest__Output, _lms_auth_v1_UserPage>;
  
  Login: grpc.handleUnaryCall<_lms_auth_v1_LoginRequest__Output, _lms_auth_v1_TokenPair>;
  
  Logout: grpc.handleUnaryCall<_lms_auth_v1_LogoutRequest__Output, _lms_auth_v1_Empty>;
  
  LogoutAll: grpc.handleUnaryCall<_lms_auth_v1_Empty__Output, _lms_auth_v1_Empty>;
  
  Refresh: grpc.handleUnaryCall<_lms_auth_v1_RefreshRequest__Output, _lms_auth_v1_TokenPair>;
  
  Register: grpc.handleUnaryCall<_lms_auth_v1_RegisterRequest__Output, _lms_auth_v1_User>;
  
  RequestEmailVerification: grpc.handleUnaryCall<_lms_auth_v1_Empty__Output, _lms_auth_v1_TokenIssued>;
  
  RequestPasswordReset: grpc.handleUnaryCall<_lms_auth_v1_PasswordResetRequest__Output, _lms_auth_v1_TokenIssued>;
  
  ResolveUsersByEmail: grpc.handleUnaryCall<_lms_auth_v1_ResolveUsersByEmailRequest__Output, _lms_auth_v1_ResolvedUserList>;
  
  UpdateMe: grpc.handleUnaryCall<_lms_auth_v1_UpdateProfileRequest__Output, _lms_auth_v1_User>;
  
  UpdateUser: grpc.handleUnaryCall<_lms_auth_v1_UpdateUserRequest__Output, _lms_auth_v1_User>;
  
  VerifyEmail: grpc.handleUnaryCall<_lms_auth_v1_VerifyEmailRequest__Output, _lms_auth_v1_Empty>;
  
}

export interface AuthServiceDefinition extends grpc.ServiceDefinition {
  ActivateUser: MethodDefinition<_lms_auth_v1_UserIdRequest, _lms_auth_v1_User, _lms_auth_v1_UserIdRequest__Output, _lms_auth_v1_User__Output>
  BatchGetUsers: MethodDefinition<_lms_auth_v1_BatchGetUsersRequest, _lms_auth_v1_PublicUserList, _lms_auth_v1_BatchGetUsersRequest__Output, _lms_auth_v1_PublicUserList__Output>
  ChangePassword: MethodDefinition<_lms_auth_v1_ChangePasswordRequest, _lms_auth_v1_Empty, _lms_auth_v1_ChangePasswordRequest__Output, _lms_auth_v1_Empty__Output>
  ConfirmPasswordReset: MethodDefinition<_lms_auth_v1_PasswordResetConfirm, _lms_auth_v1_Empty, _lms_auth_v1_PasswordResetConfirm__Output, _lms_auth_v1_Empty__Output>
  CreateUser: MethodDefinition<_lms_auth_v1_CreateUserRequest, _lms_auth_v1_User, _lms_auth_v1_CreateUserRequest__Output, _lms_auth_v1_User__Output>
  DeactivateUser: MethodDefinition<_lms_auth_v1_UserIdRequest, _lms_auth_v1_User, _lms_auth_v1_UserIdRequest__Output, _lms_auth_v1_User__Output>
  DeleteUser: MethodDefinition<_lms_auth_v1_UserIdRequest, _lms_auth_v1_Empty, _lms_auth_v1_UserIdRequest__Output, _lms_auth_v1_Empty__Output>
  GetJwks: MethodDefinition<_lms_auth_v1_Empty, _lms_auth_v1_Jwks, _lms_auth_v1_Empty__Output, _lms_auth_v1_Jwks__Output>
  GetMe: MethodDefinition<_lms_auth_v1_Empty, _lms_auth_v1_User, _lms_auth_v1_Empty__Output, _lms_auth_v1_User__Output>
  GetUser: MethodDefinition<_lms_auth_v1_UserIdRequest, _lms_auth_v1_User, _lms_auth_v1_UserIdRequest__Output, _lms_auth_v1_User__Output>
  GetUserStats: MethodDefinition<_lms_auth_v1_UserIdRequest, _lms_auth_v1_UserStats, _lms_auth_v1_UserIdRequest__Output, _lms_auth_v1_UserStats__Output>
  ListSessions: MethodDefinition<_lms_auth_v1_Empty, _lms_auth_v1_SessionList, _lms_auth_v1_Empty__Output, _lms_auth_v1_SessionList__Output>
  ListUsers: MethodDefinition<_lms_auth_v1_ListUsersRequest, _lms_auth_v1_UserPage, _lms_auth_v1_ListUsersRequest__Output, _lms_auth_v1_UserPage__Output>
  Login: MethodDefinition<_lms_auth_v1_LoginRequest, _lms_auth_v1_TokenPair, _lms_auth_v1_LoginRequest__Output, _lms_auth_v1_TokenPair__Output>
  Logout: MethodDefinition<_lms_auth_v1_LogoutRequest, _lms_auth_v1_Empty, _lms_auth_v1_LogoutRequest__Output, _lms_auth_v1_Empty__Output>
  LogoutAll: MethodDefinition<_lms_auth_v1_Empty, _lms_auth_v1_Empty, _lms_auth_v1_Empty__Output, _lms_auth_v1_Empty__Output>
  Refresh: MethodDefinition<_lms_auth_v1_RefreshRequest, _lms_auth_v1_TokenPair, _lms_auth_v1_RefreshRequest__Output, _lms_auth_v1_TokenPair__Output>
  Register: MethodDefinition<_lms_auth_v1_RegisterRequest, _lms_auth_v1_User, _lms_auth_v1_RegisterRequest__Output, _lms_auth_v1_User__Output>
  RequestEmailVerification: MethodDefinition<_lms_auth_v1_Empty, _lms_auth_v1_TokenIssued, _lms_auth_v1_Empty__Output, _lms_auth_v1_TokenIssued__Output>
  RequestPasswordReset: MethodDefinition<_lms_auth_v1_PasswordResetRequest, _lms_auth_v1_TokenIssued, _lms_auth_v1_PasswordResetRequest__Output, _lms_auth_v1_TokenIssued__Output>
  ResolveUsersByEmail: MethodDefinition<_lms_auth_v1_ResolveUsersByEmailRequest, _lms_auth_v1_ResolvedUserList, _lms_auth_v1_ResolveUsersByEmailRequest__Output, _lms_auth_v1_ResolvedUserList__Output>
  UpdateMe: MethodDefinition<_lms_auth_v1_UpdateProfileRequest, _lms_auth_v1_User, _lms_auth_v1_UpdateProfileRequest__Output, _lms_auth_v1_User__Output>
  UpdateUser: MethodDefinition<_lms_auth_v1_UpdateUserRequest, _lms_auth_v1_User, _lms_auth_v1_UpdateUserRequest__Output, _lms_auth_v1_User__Output>
  VerifyEmail: MethodDefinition<_lms_auth_v1_VerifyEmailRequest, _lms_auth_v1_Empty, _lms_auth_v1_VerifyEmailRequest__Output, _lms_auth_v1_Empty__Output>
}
