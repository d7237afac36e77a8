/**
 * A tagged template that turns interpolations into numbered parameters ($1, $2 ...), so user input
 * never becomes SQL text. Fragments built with `sql` nest; identifiers come only from `sql.ident`,
 * which accepts names from a caller-supplied whitelist.
 */
export interface SqlQuery {
  readonly text: string
  readonly values: readonly unknown[]
}

const FRAGMENT = Symbol('sql-fragment')

interface Fragment {
  readonly [FRAGMENT]: true
  readonly strings: readonly string[]
  readonly args: readonly unknown[]
}

const isFragment = (v: unknown): v is Fragment =>
  typeof v === 'object' && v !== null && FRAGMENT in v

/** A composable SQL fragment; call `.text`/`.values` via `toQuery` or pass it straight to `Db.query`. */
export type Sql = Fragment & SqlQuery

function build(strings: readonly string[], args: readonly unknown[]): Sql {
  const fragment: Fragment = { [FRAGMENT]: true, strings, args }
  let cache: SqlQuery | undefined
  const compiled = () => (cache ??= compile(fragment))
  return Object.assign(fragment, {
    get text() {
      return compiled().text
    },
    get values() {
      return compiled().values
    },
  }) as Sql
}

function compile(root: Fragment): SqlQuery {
  const values: unknown[] = []
  const walk = (f: Fragment): string => {
    let text = f.strings[0] ?? ''
    f.args.forEach((arg, i) => {
      if (isFragment(arg)) text += walk(arg)
      else {
        values.push(arg)
        text += `$${values.length}`
      }
      text += f.strings[i + 1] ?? ''
    })
    return text
  }
  return { text: walk(root), values }
}

/** Builds a parameterised query; nested `sql` fragments are inlined, everything else becomes a parameter. */
export function sql(strings: TemplateStringsArray, ...args: unknown[]): Sql {
  return build(strings, args)
}

/** Joins fragments or values with a separator (default ', '). */
sql.join = (parts: readonly unknown[], separator = ', '): Sql => {
  if (parts.length === 0) return build([''], [])
  const strings = ['', ...parts.slice(1).map(() => separator), '']
  return build(strings, parts)
}

/** Quotes an identifier that must be one of `allowed`; anything else is a programming error. */
sql.ident = (name: string, allowed: readonly string[]): Sql => {
  if (!allowed.includes(name)) throw new Error(`identifier not allowed: ${name}`)
  return build([`"${name.replaceAll('"', '""')}"`], [])
}

/** An empty fragment, handy for optional clauses. */
sql.empty = build([''], [])
