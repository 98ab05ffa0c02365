// The @boards/tools Nx plugin: task-execution hooks for live runs (generators are in generators.json).
export { preTasksExecution, postTasksExecution } from './live-run/hooks';
export { planLiveRun, renderPlan, selectLiveProjects, type LivePlan, type PlanOptions } from './live-run/plan';
export { summarizeRun, type GeneratorSummary, type RunSummary } from './live-run/summary';
export { describeOtherRoutes, familyOf, modelFamilies, type ModelFamily, type ModelRoute } from './catalogue/routes';
