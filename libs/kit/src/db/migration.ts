import type { QueryInterface, Sequelize } from 'sequelize';

/** One versioned schema change, applied in order by `migrate` and recorded in `schema_migrations`. */
export interface Migration {
  name: string;
  up(queryInterface: QueryInterface, sequelize: Sequelize): Promise<void>;
  down?(queryInterface: QueryInterface, sequelize: Sequelize): Promise<void>;
}
