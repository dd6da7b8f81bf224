import { IsNotEmpty, IsString, type ValidationError } from 'class-validator';
import { COMMAND_ROLES, commandBase } from './command-base';

/** Stands in for a context's own exception: it keeps what the base hands it. */
class SpecException extends Error {
  constructor(
    readonly field: string,
    readonly fields: { field: string; message: string }[],
    readonly rules: string[],
  ) {
    super(fields.map((f) => `${f.field}: ${f.message}`).join('; '));
  }
}

const invalid = (fields: { field: string; message: string }[], errors: ValidationError[]) =>
  new SpecException(
    fields[0].field,
    fields,
    errors.flatMap((e) => Object.keys(e.constraints ?? {})),
  );

abstract class SpecCommand extends commandBase({ roles: COMMAND_ROLES, invalid }) {}

class RenameCommand extends SpecCommand {
  @IsString()
  @IsNotEmpty()
  name!: string;
}

abstract class AnyRoleCommand extends commandBase({ invalid }) {}

class PingCommand extends AnyRoleCommand {}

describe('commandBase', () => {
  it('builds a valid command as an instance of its class', () => {
    const command = RenameCommand.create({ name: 'x', actor: { subject: 'u1', role: 'registrar' }, correlationId: 'c-1' });
    expect(command).toBeInstanceOf(RenameCommand);
    expect(command.name).toBe('x');
  });

  it("throws the context's own error, naming the field that failed first", () => {
    const error = (() => {
      try {
        RenameCommand.create({ name: '', actor: { subject: 'u1', role: 'registrar' }, correlationId: 'c-1' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SpecException);
    expect(error).toMatchObject({ field: 'name', fields: [{ field: 'name', message: 'name should not be empty' }], rules: ['isNotEmpty'] });
  });

  it('names nested actor fields by path, and checks the role against the roles given', () => {
    const create = () => RenameCommand.create({ name: 'x', actor: { subject: '', role: 'janitor' as 'registrar' }, correlationId: '' });
    expect(create).toThrow(SpecException);
    expect(create).toThrow(/actor\.subject: subject should not be empty; actor\.role: role must be one of the following values: .*system/);
    expect(create).toThrow(/correlationId: correlationId should not be empty/);
  });

  it('takes any role, or none, when the context names no roles', () => {
    expect(PingCommand.create({ actor: { subject: 'u1' }, correlationId: 'c-1' }).actor).toMatchObject({ subject: 'u1' });
    expect(PingCommand.create({ actor: { subject: 'u1', role: 'janitor' }, correlationId: 'c-1' }).actor.role).toBe('janitor');
    expect(() => PingCommand.create({ actor: { subject: 'u1', role: 7 as unknown as string }, correlationId: 'c-1' })).toThrow(
      /actor\.role: role must be a string/,
    );
  });

  it('gives the kernel who asks and the causal chain, leaving out what is not set', () => {
    const bare = RenameCommand.create({ name: 'x', actor: { subject: 'u1', role: 'registrar' }, correlationId: 'c-1' });
    expect(bare.commandContext()).toStrictEqual({ actor: { subject: 'u1', role: 'registrar' }, correlationId: 'c-1' });
    const full = RenameCommand.create({
      name: 'x',
      actor: { subject: 'u1', role: 'system', institution: 'i-1' },
      correlationId: 'c-1',
      causationId: 'e-9',
    });
    expect(full.commandContext()).toStrictEqual({
      actor: { subject: 'u1', role: 'system', institution: 'i-1' },
      correlationId: 'c-1',
      causationId: 'e-9',
    });
  });
});
