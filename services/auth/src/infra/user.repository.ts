import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { escapeLike, type SqlSession } from '@lms/kit/db';
import type { Role, User, UserWithSecret } from '../domain/user';

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  full_name: string;
  role: Role;
  is_active: boolean;
  email_verified: boolean;
  bio: string;
  avatar_url: string;
  phone: string | null;
  created_at: Date;
  updated_at: Date;
  last_login_at: Date | null;
  role_changed_at: Date | null;
  deleted_at: Date | null;
}

function toUser(row: UserRow): UserWithSecret {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    fullName: row.full_name,
    role: row.role,
    isActive: row.is_active,
    emailVerified: row.email_verified,
    bio: row.bio,
    avatarUrl: row.avatar_url,
    phone: row.phone ?? '',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
    roleChangedAt: row.role_changed_at,
    deletedAt: row.deleted_at,
  };
}

export interface NewUser {
  email: string;
  passwordHash: string;
  fullName: string;
  role: Role;
  emailVerified?: boolean;
}

export interface UserPatch {
  /** Lower-cased; a taken address is a unique violation (the caller maps it to AUTH.EMAIL_TAKEN). */
  email?: string;
  fullName?: string;
  bio?: string;
  avatarUrl?: string;
  /** "" clears it (stored as NULL). */
  phone?: string;
  role?: Role;
  roleChangedAt?: Date;
  isActive?: boolean;
  emailVerified?: boolean;
  passwordHash?: string;
  lastLoginAt?: Date;
  deletedAt?: Date;
}

const PATCH_COLUMNS: Record<keyof UserPatch, string> = {
  email: 'email',
  fullName: 'full_name',
  bio: 'bio',
  avatarUrl: 'avatar_url',
  phone: 'phone',
  role: 'role',
  roleChangedAt: 'role_changed_at',
  isActive: 'is_active',
  emailVerified: 'email_verified',
  passwordHash: 'password_hash',
  lastLoginAt: 'last_login_at',
  deletedAt: 'deleted_at',
};

export interface UserListQuery {
  offset: number;
  pageSize: number;
  role?: Role;
  isActive?: boolean;
  search?: string;
}

/** The users table. Deleted users are invisible to every read except `findForLogin`. */
export class UserRepository {
  constructor(private readonly sql: SqlSession) {}

  async insert(user: NewUser): Promise<UserWithSecret> {
    const rows = await this.sql.query<UserRow>(
      `INSERT INTO users (id, email, password_hash, full_name, role, email_verified)
       VALUES (:id, :email, :passwordHash, :fullName, :role, :emailVerified)
       RETURNING *`,
      { type: QueryTypes.SELECT, replacements: { id: randomUUID(), ...user, emailVerified: user.emailVerified ?? false } },
    );
    return toUser(rows[0]);
  }

  /** `forUpdate` locks the row until the unit of work ends. */
  async findById(id: string, options: { forUpdate?: boolean } = {}): Promise<UserWithSecret | undefined> {
    const rows = await this.sql.query<UserRow>(
      `SELECT * FROM users WHERE id = :id AND deleted_at IS NULL${options.forUpdate ? ' FOR UPDATE' : ''}`,
      { type: QueryTypes.SELECT, replacements: { id } },
    );
    return rows[0] && toUser(rows[0]);
  }

  async findByEmail(email: string, options: { forUpdate?: boolean } = {}): Promise<UserWithSecret | undefined> {
    const rows = await this.sql.query<UserRow>(
      `SELECT * FROM users WHERE lower(email) = lower(:email) AND deleted_at IS NULL${options.forUpdate ? ' FOR UPDATE' : ''}`,
      { type: QueryTypes.SELECT, replacements: { email } },
    );
    return rows[0] && toUser(rows[0]);
  }

  /** The account a sign-in with this email refers to: the live one, else the most recently deleted. */
  async findForLogin(email: string): Promise<UserWithSecret | undefined> {
    const rows = await this.sql.query<UserRow>(
      `SELECT * FROM users WHERE lower(email) = lower(:email)
       ORDER BY (deleted_at IS NULL) DESC, deleted_at DESC LIMIT 1`,
      { type: QueryTypes.SELECT, replacements: { email } },
    );
    return rows[0] && toUser(rows[0]);
  }

  async update(id: string, patch: UserPatch): Promise<UserWithSecret> {
    const sets: string[] = ['updated_at = now()'];
    const replacements: Record<string, unknown> = { id };
    for (const [key, column] of Object.entries(PATCH_COLUMNS) as [keyof UserPatch, string][]) {
      if (patch[key] === undefined) continue;
      sets.push(`${column} = :${key}`);
      replacements[key] = key === 'phone' && patch.phone === '' ? null : patch[key];
    }
    const rows = await this.sql.query<UserRow>(
      `UPDATE users SET ${sets.join(', ')} WHERE id = :id RETURNING *`,
      { type: QueryTypes.SELECT, replacements },
    );
    return toUser(rows[0]);
  }

  async list(query: UserListQuery): Promise<{ items: User[]; total: number }> {
    const where: string[] = ['deleted_at IS NULL'];
    const replacements: Record<string, unknown> = {
      limit: query.pageSize,
      offset: query.offset,
    };
    if (query.role) {
      where.push('role = :role');
      replacements.role = query.role;
    }
    if (query.isActive !== undefined) {
      where.push('is_active = :isActive');
      replacements.isActive = query.isActive;
    }
    if (query.search) {
      where.push(`(email ILIKE :pattern ESCAPE '\\' OR full_name ILIKE :pattern ESCAPE '\\')`);
      replacements.pattern = `%${escapeLike(query.search)}%`;
    }
    const clause = where.join(' AND ');
    const [countRows, rows] = await Promise.all([
      this.sql.query<{ total: string }>(`SELECT count(*) AS total FROM users WHERE ${clause}`, {
        type: QueryTypes.SELECT,
        replacements,
      }),
      this.sql.query<UserRow>(
        `SELECT * FROM users WHERE ${clause} ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset`,
        { type: QueryTypes.SELECT, replacements },
      ),
    ]);
    return { items: rows.map(toUser), total: Number(countRows[0]?.total ?? 0) };
  }

  async findMany(ids: string[]): Promise<User[]> {
    if (!ids.length) return [];
    const rows = await this.sql.query<UserRow>('SELECT * FROM users WHERE id IN (:ids) AND deleted_at IS NULL', {
      type: QueryTypes.SELECT,
      replacements: { ids },
    });
    return rows.map(toUser);
  }

  /** Live (not deleted) accounts with these emails, compared case-insensitively. */
  async findManyByEmail(emails: string[]): Promise<User[]> {
    if (!emails.length) return [];
    const rows = await this.sql.query<UserRow>(
      'SELECT * FROM users WHERE lower(email) IN (:emails) AND deleted_at IS NULL',
      { type: QueryTypes.SELECT, replacements: { emails: emails.map((e) => e.toLowerCase()) } },
    );
    return rows.map(toUser);
  }

  /** Locks every active administrator's row (in id order) and returns their ids. */
  async lockActiveAdmins(): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `SELECT id FROM users WHERE role = 'admin' AND is_active AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
      { type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.id);
  }

  /**
   * Serialises, until the unit of work ends, every change that may remove an administrator (so two
   * admins cannot demote each other at once).
   */
  async lockAdminMembership(): Promise<void> {
    await this.sql.query("SELECT pg_advisory_xact_lock(hashtext('lms.auth.admin_membership'))", { type: QueryTypes.SELECT });
  }
}
