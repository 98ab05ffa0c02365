// The @boards/tools Nx plugin: task-execution hooks for live runs (generators are in generators.json).
export { preTasksExecution, postTasksExecution } from './live-run/hooks';
