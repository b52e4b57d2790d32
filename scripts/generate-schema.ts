/**
 * Generates src/core/api/schema/kinds.json: the field tree of the kinds Tugboat serves, taken from Kubernetes'
 * own API definitions as the `kubernetes-models` devDependency ships them. Run with `npx tsx scripts/generate-schema.ts`.
 *
 * Sources inside the package: the TypeScript declarations (`v1/Pod.d.ts`, ...) give every field, its type, whether
 * it is required and its description (JSDoc); the compiled JSON-schema validators (`_schemas/*.js`) tell integer
 * from number, which TypeScript cannot. The output is what `kubectl explain` reads from OpenAPI v3 and what strict
 * decoding needs: per type a description and its fields as `[type, description, required?]`, where a type is
 * `string | integer | number | boolean | <TypeName> | []<type> | map[string]<type>`.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import ts from 'typescript'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const MODELS = join(ROOT, 'node_modules', 'kubernetes-models')
const OUTPUT = join(ROOT, 'src', 'core', 'api', 'schema', 'kinds.json')

/** Our kinds and the declaration that defines each (core/v1 Event, not events.k8s.io). */
const KINDS: Record<string, string> = {
  Pod: 'v1/Pod',
  ReplicationController: 'v1/ReplicationController',
  ReplicaSet: 'apps/v1/ReplicaSet',
  Deployment: 'apps/v1/Deployment',
  Service: 'v1/Service',
  Endpoints: 'v1/Endpoints',
  Node: 'v1/Node',
  Event: 'v1/Event',
  Namespace: 'v1/Namespace',
}

/**
 * kubernetes-models declares Quantity as a bare `number | string` alias and drops its description; this is the
 * text of io.k8s.apimachinery.pkg.api.resource.Quantity in Kubernetes' OpenAPI, which explain appends to every
 * quantity field's own description.
 */
const QUANTITY_DESCRIPTION = [
  'Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.',
  'The serialization format is:',
  '``` <quantity>        ::= <signedNumber><suffix>',
  '\t(Note that <suffix> may be empty, from the "" case in <decimalSI>.)',
  '<digit>           ::= 0 | 1 | ... | 9 <digits>          ::= <digit> | <digit><digits> <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits> <sign>            ::= "+" | "-" <signedNumber>    ::= <number> | <sign><number> <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI> <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei',
  '\t(International System of units; See: http://physics.nist.gov/cuu/Units/binary.html)',
  '<decimalSI>       ::= m | "" | k | M | G | T | P | E',
  "\t(Note that 1024 = 1Ki but 1000 = 1k; I didn't choose the capitalization.)",
  '<decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber> ```',
  'No matter which of the three exponent forms is used, no quantity may represent a number greater than 2^63-1 in magnitude, nor may it have more than 3 decimal places. Numbers larger or more precise will be capped or rounded up. (E.g.: 0.1m will rounded up to 1m.) This may be extended in the future if we require larger or smaller quantities.',
  'When a Quantity is parsed from a string, it will remember the type of suffix it had, and will use the same type again when it is serialized.',
  'Before serializing, Quantity will be put in "canonical form". This means that Exponent/suffix will be adjusted up or down (with a corresponding increase or decrease in Mantissa) such that:',
  '- No precision is lost - No fractional digits will be emitted - The exponent (or suffix) is as large as possible.',
  'The sign will be omitted unless the number is negative.',
  'Examples:',
  '- 1.5 will be serialized as "1500m" - 1.5Gi will be serialized as "1536Mi"',
  'Note that the quantity will NEVER be internally represented by a floating point number. That is the whole point of this exercise.',
  "Non-canonical values will still parse as long as they are well formed, but will be re-emitted in their canonical form. (So always use canonical form, or don't diff.)",
  'This format is intended to make it difficult to use these numbers without writing some sort of special handling code in the hopes that that will cause implementors to also use a fixed point implementation.',
].join('\n\n')

/** One field as written to kinds.json: type, description, and a trailing 1 when required. */
type FieldEntry = [type: string, description: string] | [type: string, description: string, required: 1]

/** One type as written to kinds.json: an object with fields (`o` when free-form) or a scalar shown as `s`. */
interface TypeEntry {
  d: string
  f?: Record<string, FieldEntry>
  o?: 1
  s?: string
}

/** A parsed declaration file: its main interface or alias, and where its imported names come from. */
interface Declaration {
  file: string
  source: ts.SourceFile
  node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration
  /** `IoK8sApiAppsV1DeploymentSpec`: the validator's file name. */
  longName: string
  /** `DeploymentSpec`: what explain prints for a reference to it. */
  shortName: string
  imports: Map<string, string>
}

const declarations = new Map<string, Declaration>()

/** Parses a .d.ts once and finds its exported interface (or type alias) and imports. */
function loadDeclaration(file: string): Declaration {
  const cached = declarations.get(file)
  if (cached) return cached
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const imports = new Map<string, string>()
  let node: Declaration['node'] | undefined
  let longName = ''
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const bindings = statement.importClause?.namedBindings
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements)
          imports.set(element.name.text, resolveModule(file, statement.moduleSpecifier.text))
      }
    } else if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && !node) {
      node = statement
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      const alias = statement.exportClause.elements.find(
        (element) => element.propertyName?.text === node?.name.text,
      )
      if (alias) longName = alias.name.text.slice(1)
    }
  }
  if (!node || !longName) throw new Error(`${file}: no exported interface or type alias`)
  const declaration = {file, source, node, longName, shortName: node.name.text.slice(1), imports}
  declarations.set(file, declaration)
  return declaration
}

/** Where an import of `from` points, as a .d.ts path (relative or through node_modules). */
function resolveModule(from: string, specifier: string): string {
  if (specifier.startsWith('.')) return join(dirname(from), `${specifier}.d.ts`)
  return createRequire(from).resolve(specifier).replace(/\.js$/, '.d.ts')
}

/** The JSDoc above a node as the original description: `*` prefixes, escapes and `@deprecated` removed. */
function description(node: ts.Node, source: ts.SourceFile): string {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? []
  const range = ranges.at(-1)
  if (!range) return ''
  const text = source.text.slice(range.pos, range.end)
  if (!text.startsWith('/**')) return ''
  const lines = text
    .slice(3, -2)
    .split('\n')
    .map((line) => line.replace(/^\s*\*( |$)/, ''))
  if (lines[0]?.trim() === '') lines.shift()
  if (lines.at(-1)?.trim() === '') lines.pop()
  // The generator adds this tag when the text mentions deprecation; it is not part of Kubernetes' description.
  if (lines.at(-1) === '@deprecated') lines.pop()
  return lines.join('\n').replaceAll('\\*\\/', '*/').replaceAll('\\*', '*')
}

/** TypeMeta's fields, which every kind inherits with Kubernetes' standard descriptions. */
function typeMetaDescriptions(): Map<string, string> {
  const base = createRequire(join(MODELS, 'index.js')).resolve('@kubernetes-models/base')
  const file = join(dirname(base), 'meta.d.ts')
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const result = new Map<string, string>()
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) || statement.name.text !== 'TypeMeta') continue
    for (const member of statement.members) {
      if (ts.isPropertySignature(member) && ts.isIdentifier(member.name))
        result.set(member.name.text, description(member, source))
    }
  }
  return result
}

/** Translates a property's TypeScript type into our type expression, queueing referenced declarations. */
function typeExpression(node: ts.TypeNode, declaration: Declaration, queue: string[]): string {
  if (node.kind === ts.SyntaxKind.StringKeyword) return 'string'
  if (node.kind === ts.SyntaxKind.NumberKeyword) return 'number'
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return 'boolean'
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return 'string'
  if (
    ts.isUnionTypeNode(node) &&
    node.types.every((member) => ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal))
  ) {
    return 'string' // an enum
  }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration)
    if (index) return `map[string]${typeExpression(index.type, declaration, queue)}`
  }
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    const name = node.typeName.text
    const item = node.typeArguments?.[0]
    if (name === 'Array' && item) return `[]${typeExpression(item, declaration, queue)}`
    const file = declaration.imports.get(name)
    if (file) {
      queue.push(file)
      return loadDeclaration(file).shortName
    }
  }
  throw new Error(`${declaration.file}: unsupported type ${node.getText(declaration.source)}`)
}

/** A value of the expression's shape with 0.5 where it holds a number, to ask the validator for integers. */
function probeValue(expression: string): unknown {
  if (expression.startsWith('[]')) return [probeValue(expression.slice(2))]
  if (expression.startsWith('map[string]')) return {key: probeValue(expression.slice('map[string]'.length))}
  return 0.5
}

type Validate = ((data: unknown) => boolean) & {
  errors?: {instancePath: string; keyword: string; params: {type?: string}}[] | null
}

/** Asks the package's JSON-schema validator of the declaration whether a numeric field must be an integer. */
function isInteger(declaration: Declaration, field: string, expression: string): boolean {
  let root = dirname(declaration.file)
  while (!existsSync(join(root, 'package.json'))) root = dirname(root)
  const validator = createRequire(join(root, 'index.js'))(
    join(root, '_schemas', `${declaration.longName}.js`),
  ) as {validate: Validate}
  validator.validate({[field]: probeValue(expression)})
  return (validator.validate.errors ?? []).some(
    (error) =>
      error.instancePath.startsWith(`/${field}`) &&
      error.keyword === 'type' &&
      error.params.type === 'integer',
  )
}

/** Builds the entry of one declaration: its fields (sorted, as Go templates range over maps) or its scalar type. */
function typeEntry(declaration: Declaration, typeMeta: Map<string, string>, queue: string[]): TypeEntry {
  const {node, source} = declaration
  const entry: TypeEntry = {d: description(node, source)}
  if (ts.isTypeAliasDeclaration(node)) {
    // Time and MicroTime are strings in OpenAPI; Quantity and IntOrString have no single type, so explain prints the name.
    entry.s = node.type.kind === ts.SyntaxKind.StringKeyword ? 'string' : declaration.shortName
    if (declaration.shortName === 'Quantity' && !entry.d) entry.d = QUANTITY_DESCRIPTION
    return entry
  }
  const extendsTypeMeta = node.heritageClauses?.some((clause) =>
    clause.types.some((type) => type.getText(source) === 'TypeMeta'),
  )
  const fields: [string, FieldEntry][] = []
  for (const member of node.members) {
    if (!ts.isPropertySignature(member) || !member.type)
      throw new Error(`${declaration.file}: unexpected member`)
    const name =
      ts.isStringLiteral(member.name) || ts.isIdentifier(member.name)
        ? member.name.text
        : member.name.getText(source)
    let type = typeExpression(member.type, declaration, queue)
    if (type.endsWith('number') && isInteger(declaration, name, type))
      type = `${type.slice(0, -'number'.length)}integer`
    const inherited = extendsTypeMeta && typeMeta.has(name)
    // kubernetes-models makes a kind's apiVersion and kind required; Kubernetes' schema does not.
    const required = !member.questionToken && !inherited
    const text = inherited ? (typeMeta.get(name) ?? '') : description(member, source)
    fields.push([name, required ? [type, text, 1] : [type, text]])
  }
  fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  entry.f = Object.fromEntries(fields)
  // A struct without fields is free-form JSON in Kubernetes (FieldsV1): any content is accepted.
  if (fields.length === 0) entry.o = 1
  return entry
}

/** Walks every type reachable from our kinds and returns the schema document. */
function generate(): {kinds: string[]; types: Record<string, TypeEntry>} {
  const typeMeta = typeMetaDescriptions()
  const queue = Object.values(KINDS).map((path) => join(MODELS, `${path}.d.ts`))
  const types: Record<string, TypeEntry> = {}
  const owners = new Map<string, string>()
  for (let file = queue.shift(); file; file = queue.shift()) {
    const declaration = loadDeclaration(file)
    const owner = owners.get(declaration.shortName)
    if (owner === file) continue
    if (owner) throw new Error(`two types named ${declaration.shortName}: ${owner} and ${file}`)
    owners.set(declaration.shortName, file)
    types[declaration.shortName] = typeEntry(declaration, typeMeta, queue)
  }
  const sorted = Object.fromEntries(Object.entries(types).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return {kinds: Object.keys(KINDS), types: sorted}
}

const schema = generate()
const json = JSON.stringify(schema)
writeFileSync(OUTPUT, `${json}\n`)
console.log(`wrote ${OUTPUT}: ${Object.keys(schema.types).length} types, ${json.length} bytes`)
