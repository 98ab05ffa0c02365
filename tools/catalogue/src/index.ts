// The generator catalogue: what generators the workspace has, what they cost, which of them serve
// the same model, which live tests a change calls for, and what a live run spent. The CLI, the
// bench and the Nx plugin read it; it depends on libraries only.
export { CATALOGUE_END, CATALOGUE_START, describeDifference, discoverGenerators, liveTestCost, renderCatalogueTable, replaceCatalogueBlock } from './catalogue';
export { describeOtherRoutes, familyOf, modelFamilies, routesQualifier, type ModelFamily, type ModelRoute } from './routes';
export { planLiveRun, renderPlan, selectLiveProjects, type LivePlan, type PlanOptions } from './live-plan';
export { renderSummary, summarizeRun, type GeneratorSummary, type RunSummary } from './run-summary';
export { familyTag, familyTagProblems } from './families';
export { LEFT_OUT, LEFT_OUT_FILE, renderLeftOut, type LeftOutModel } from './left-out';
