// The public face of the domain: everything outside src/domain imports from here.
export * from './model';
export { parseMap, type ParseResult, type Problem } from './format';
export { serializeMap } from './format-write';
export * from './edits';
export * from './geometry';
export * from './placement';
export { codePointLength } from './field-rules';
export * from './relationship';
export { hasBidiControls, isolateText, withoutBidiControls } from './bidi';
export {
  checkMap,
  DEFINITION_INFO,
  ROLE_INFO,
  ROLES,
  RULE_IDS,
  SEVERITIES,
  type DefinitionInfo,
  type Finding,
  type Role,
  type RoleInfo,
  type RuleId,
  type Severity,
} from './check';
export { customerSentence, customerSummary, nameList, namedSentenceOf, stakeholderViews, type CustomerSummary, type StakeholderView } from './summary';
export { analyzeMap, type MapAnalysis } from './analysis';
export { FACT, factNames, hasFact, type FactBits } from './facts';
export { generateMap } from './generate';
export { diffMaps, applyChange, invertChange, mergeChanges, isEmptyChange, type MapChange, type RecordDelta } from './changes';
export {
  addBreakoutMatch,
  addBreakoutTeam,
  ASPECTS,
  breakoutProblem,
  breakoutsOf,
  compareBreakouts,
  compareColumns,
  drawnBy,
  matchMembersFor,
  nameKey,
  nextTeamId,
  OWN_COLUMN,
  removeBreakoutMatches,
  removeBreakoutTeam,
  renameBreakoutTeam,
  rowStatus,
  teamMapOf,
  teamMembersOf,
  type Aspect,
  type CellEntry,
  type CompareColumn,
  type CompareOptions,
  type Comparison,
  type ComparisonRow,
  type ColumnSummary,
} from './compare';
export { startVote, castBallot, withdrawBallot, revealVote, deleteVote, clearVotes, openVoteOf, latestVoteOf, voteById, votesOnMap, type StartVote } from './votes';
export { checkVoteEntry, checkBallotEntry, type EntryCheck } from './format-workshop';
export { tallyVote, rankByDisagreement, openDisagreements, type StakeholderTally, type VoteTally } from './vote-tally';
export * from './countdown';
export * from './report';
export { relabelsAlong, relabelledBetween, BY_HAND } from './relabels';
