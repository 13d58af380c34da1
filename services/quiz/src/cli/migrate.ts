import { runMigrationsCli } from '@lms/kit/lifecycle';
import { migrations } from '../../migrations';
import { loadQuizConfig } from '../config';

/** Applies pending migrations to the quiz database (creating it outside production) and exits. */
if (require.main === module) runMigrationsCli('quiz', loadQuizConfig(), migrations);
