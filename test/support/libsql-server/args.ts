// Binds Hrana arguments to a statement's parameters with sqld's rules, positionally, for the libsql binding.
import { StmtError } from './errors.ts';
import type { NamedArg, Value } from './protocol.ts';
import type { StatementInfo } from './sql.ts';
import { toSqlValue, type SqlValue } from './values.ts';

/**
 * Resolves arguments the way sqld binds them: more arguments than parameters is an error; `?` and `?NNN` take
 * positional arguments; `:a`/`@a`/`$a` take the named argument spelled with or without its prefix; a parameter
 * left without a value is an error (except under EXPLAIN). The result always binds positionally, because the
 * binding's own by-name path aborts the process when the statement also has an anonymous `?`.
 */
export function bindArgs(info: StatementInfo, args: Value[], namedArgs: NamedArg[]): SqlValue[] {
  if (args.length > 0 && namedArgs.length > 0) {
    throw new StmtError('ARGS_BOTH_POSITIONAL_AND_NAMED', 'Specifying both positional and named arguments is not supported');
  }
  const given = Math.max(args.length, namedArgs.length);
  if (given > info.params.length) {
    throw argsInvalid(`too many parameters, expected ${info.params.length} found ${given}`);
  }
  const named = new Map(namedArgs.map((arg) => [arg.name, arg.value]));
  return info.params.map((name, index) => {
    let value: Value | undefined;
    if (name === null) value = args[index];
    else if (name.startsWith('?')) value = args[Number(name.slice(1)) - 1];
    else value = named.get(name) ?? named.get(name.slice(1));
    if (value !== undefined) return toSqlValue(value);
    if (info.isExplain) return null;
    throw argsInvalid(`value for parameter ${name ?? index + 1} not found`);
  });
}

const argsInvalid = (detail: string): StmtError =>
  new StmtError('ARGS_INVALID', `Arguments do not match SQL parameters: ${detail}`);
