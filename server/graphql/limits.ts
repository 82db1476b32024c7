/**
 * Limits checked before a document runs (SECURITY.md G1). Each refusal is a GraphQL error with a
 * stable `extensions.code` (codes in platform/http/errors.ts), answered with HTTP 400:
 *
 * - size: the document's length in characters (checked on the raw request, before parsing);
 * - tokens: graphql-js stops parsing past MAX_TOKENS (its `maxTokens` parse option);
 * - depth, aliases, directives and cost: one validation rule walks every operation, following
 *   fragment spreads, and adds up a static cost: each field costs 1 times the product of the list
 *   sizes above it, a list size being its `first` argument (a variable counts as the maximum, an
 *   omitted one as the schema default) or LIST_WITHOUT_FIRST for a list of objects with no `first`
 *   (a page's `items` count once: the page's `first` already sized them);
 * - `first`: a literal above MAX_FIRST is refused here; a variable above it by the resolver.
 *
 * Introspection fields (`__schema`, `__type`) are walked for aliases and directives but not for depth
 * and cost: the introspection query is deep by nature and bounded by the schema; when introspection is
 * off, graphql-js's own rule refuses them.
 */
import type {
  ASTVisitor, FieldNode, FragmentDefinitionNode, GraphQLError as GraphQLErrorType, GraphQLField, GraphQLNamedType, GraphQLOutputType,
  SelectionSetNode, ValidationContext, ValidationRule,
} from 'graphql'
import { graphql } from './graphql-js.js'
import { MAX_FIRST } from './schema.js'

const { GraphQLError, Kind, getNamedType, isListType, isNonNullType, isObjectType } = graphql

export const LIMITS = Object.freeze({
  /** Characters in the document. */
  maxDocumentChars: 20_000,
  /** Lexical tokens in the document (graphql-js parse option). */
  maxTokens: 2_000,
  /** Nested field levels; a root field is level 1. */
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 10,
  /** Static cost budget (see above). */
  maxCost: 5_000,
  maxFirst: MAX_FIRST,
})

/** The list size assumed for a list of objects that takes no `first`. */
const LIST_WITHOUT_FIRST = 10

export const limitError = (code: string, message: string, extra: Record<string, unknown> = {}, nodes?: GraphQLErrorType['nodes']) =>
  new GraphQLError(message, { ...(nodes ? { nodes } : {}), extensions: { code, ...extra } })

const unwrap = (type: GraphQLOutputType): GraphQLOutputType => (isNonNullType(type) ? type.ofType : type)

interface Tally { depth: number; aliases: number; cost: number; firstTooLarge: { field: string; value: number } | undefined }

/** The list size a field multiplies its subtree by (1 for a field that is not a list). */
function listSize(field: GraphQLField<unknown, unknown>, node: FieldNode, tally: Tally): number {
  const firstArg = field.args.find((a) => a.name === 'first')
  if (firstArg) {
    const given = node.arguments?.find((a) => a.name.value === 'first')
    if (given === undefined) return typeof firstArg.defaultValue === 'number' ? firstArg.defaultValue : MAX_FIRST
    if (given.value.kind === Kind.INT) {
      const n = Number(given.value.value)
      if (n > MAX_FIRST) tally.firstTooLarge ??= { field: field.name, value: n }
      return Math.max(n, 0)
    }
    return MAX_FIRST // a variable: assume the largest it may be
  }
  if (field.name === 'items') return 1 // a page's items: their number is the page's `first`, counted above
  const type = unwrap(field.type)
  return isListType(type) && isObjectType(getNamedType(type)) ? LIST_WITHOUT_FIRST : 1
}

function walk(
  set: SelectionSetNode, parent: GraphQLNamedType, depth: number, multiplier: number, counted: boolean,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>, trail: ReadonlySet<string>, tally: Tally, schemaTypes: (name: string) => GraphQLNamedType | undefined,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) tally.aliases++
      const name = selection.name.value
      const introspection = name === '__schema' || name === '__type'
      const inCount = counted && !introspection && !name.startsWith('__')
      if (inCount) {
        tally.depth = Math.max(tally.depth, depth)
        tally.cost += multiplier
      }
      if (!selection.selectionSet) continue
      const field = isObjectType(parent) ? parent.getFields()[name] : undefined
      if (!field && !introspection) continue // an unknown field: the spec rules report it
      const size = field && inCount ? listSize(field, selection, tally) : 1
      const child = field ? getNamedType(field.type) : parent
      walk(selection.selectionSet, child, depth + 1, multiplier * size, inCount, fragments, trail, tally, schemaTypes)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const onType = selection.typeCondition ? (schemaTypes(selection.typeCondition.name.value) ?? parent) : parent
      walk(selection.selectionSet, onType, depth, multiplier, counted, fragments, trail, tally, schemaTypes)
    } else {
      const name = selection.name.value
      const fragment = fragments.get(name)
      if (!fragment || trail.has(name)) continue // unknown or cyclic: the spec rules report it
      const onType = schemaTypes(fragment.typeCondition.name.value) ?? parent
      walk(fragment.selectionSet, onType, depth, multiplier, counted, fragments, new Set([...trail, name]), tally, schemaTypes)
    }
  }
}

/** The validation rule for depth, aliases, directives, `first` and cost. */
export const limitsRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Document: {
    leave(document) {
      let directives = 0
      const count = (node: unknown): void => {
        if (node === null || typeof node !== 'object') return
        if (Array.isArray(node)) { for (const item of node) count(item); return }
        const n = node as { kind?: string }
        if (n.kind === Kind.DIRECTIVE) directives++
        for (const [key, value] of Object.entries(node)) if (key !== 'loc') count(value)
      }
      count(document.definitions)
      if (directives > LIMITS.maxDirectives) {
        context.reportError(limitError('graphql.directive_limit', `The document uses ${directives} directives; at most ${LIMITS.maxDirectives} are allowed.`, { limit: LIMITS.maxDirectives, actual: directives }))
      }
      const schema = context.getSchema()
      const fragments = new Map<string, FragmentDefinitionNode>()
      for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)
      for (const op of document.definitions) {
        if (op.kind !== Kind.OPERATION_DEFINITION) continue
        const root = schema.getRootType(op.operation)
        if (!root) continue
        const tally: Tally = { depth: 0, aliases: 0, cost: 0, firstTooLarge: undefined }
        walk(op.selectionSet, root, 1, 1, true, fragments, new Set(), tally, (name) => schema.getType(name) ?? undefined)
        const nodes = [op]
        if (tally.depth > LIMITS.maxDepth) {
          context.reportError(limitError('graphql.depth_limit', `The operation nests fields ${tally.depth} deep; at most ${LIMITS.maxDepth} levels are allowed.`, { limit: LIMITS.maxDepth, actual: tally.depth }, nodes))
        }
        if (tally.aliases > LIMITS.maxAliases) {
          context.reportError(limitError('graphql.alias_limit', `The operation uses ${tally.aliases} aliases; at most ${LIMITS.maxAliases} are allowed.`, { limit: LIMITS.maxAliases, actual: tally.aliases }, nodes))
        }
        if (tally.firstTooLarge) {
          context.reportError(limitError('graphql.list_limit', `first: ${tally.firstTooLarge.value} on ${tally.firstTooLarge.field} is above the maximum of ${MAX_FIRST}.`, { limit: MAX_FIRST, actual: tally.firstTooLarge.value }, nodes))
        }
        if (tally.cost > LIMITS.maxCost) {
          context.reportError(limitError('graphql.cost_limit', `The operation's cost is ${tally.cost}; the budget is ${LIMITS.maxCost} (each field costs 1 times the list sizes above it, from first).`, { limit: LIMITS.maxCost, actual: tally.cost }, nodes))
        }
      }
    },
  },
})
