import type { EcsPort } from '../../ecs/ecs-port';
import type { Journal } from '../journal/journal';
import type { Logger } from '../logger';

/** What the pieces of a running restore job need from the runner that owns it. */
export interface JobContext {
  ecs: EcsPort;
  journal: Journal;
  logger: Logger;
  /** True once the runner halted: the job writes nothing more, as if the process had died. */
  halted(): boolean;
  /** The current time as the journal stores it. */
  stamp(): string;
}
