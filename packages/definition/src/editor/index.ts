/**
 * @flowcraft/definition/editor: the pure editing core of the designer. The definition JSON is
 * the single source of truth; the canvas model is derived from it and every edit is a function
 * from a definition (possibly an unfinished draft) to a new one, which never mutates its input.
 */
export { TOP_LEVEL, graphAt, graphKeysOf, graphKeyOf, parseGraphKey, locateNode, nestedGraphsOf } from "./graph-key.ts";
export type { GraphKey, KeyedGraph, LocatedNode } from "./graph-key.ts";
export { startMarkerId, branchFrameId, parseCanvasId, edgeIdOf, parseEdgeId } from "./canvas-ids.ts";
export type { CanvasIdTarget } from "./canvas-ids.ts";
export { toCanvasModel } from "./canvas-model.ts";
export type { CanvasModel, CanvasNode, CanvasEdge, CanvasNodeKind } from "./canvas-model.ts";
export { sourceHandlesOf, referenceAt, choiceHandle, START_HANDLE } from "./handles.ts";
export { PositionSchema, UiPositionsSchema, readPositions, setPositions } from "./positions.ts";
export type { Position } from "./positions.ts";
export type { EditResult } from "./edit-result.ts";
export { createNode, emptyGraph } from "./create-node.ts";
export { uniqueId } from "./ids.ts";
export { addNode, updateNode } from "./node-edits.ts";
export { addNodeAt, endOfGraph, placeAfterSelection } from "./connected-add.ts";
export type { AddPlace } from "./connected-add.ts";
export { removeNodes } from "./remove-nodes.ts";
export { renameNode } from "./rename-node.ts";
export { connect, disconnect, addChoice, removeChoice } from "./connection-edits.ts";
export { addBranch, removeBranch } from "./branch-edits.ts";
export { copyNodes, pasteNodes } from "./clipboard.ts";
export type { Clipboard } from "./clipboard.ts";
