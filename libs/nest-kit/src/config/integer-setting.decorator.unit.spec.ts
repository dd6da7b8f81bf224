import { plainToInstance, Type } from 'class-transformer';
import { IsInt, Max, Min, validateSync } from 'class-validator';
import { IntegerSetting } from './integer-setting.decorator';

class Stacked {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  BOUNDED = 5;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  FROM = 100;
}

class Declared {
  @IntegerSetting(1, 10)
  BOUNDED = 5;

  @IntegerSetting(100)
  FROM = 100;
}

const problems = (schema: typeof Stacked | typeof Declared, raw: Record<string, string>) => {
  const config = plainToInstance(schema, raw, { enableImplicitConversion: true, exposeDefaultValues: true });
  return { config: { ...config }, errors: validateSync(config).map((e) => [e.property, e.value, Object.entries(e.constraints ?? {})]) };
};

describe('IntegerSetting', () => {
  it.each<Record<string, string>>([
    {},
    { BOUNDED: '7' },
    { BOUNDED: '0' },
    { BOUNDED: '11' },
    { BOUNDED: '2.5' },
    { BOUNDED: 'ten' },
    { FROM: '99' },
    { FROM: '1e9' },
  ])('converts and checks %j as the decorators it stands for do', (raw) => {
    expect(problems(Declared, raw)).toEqual(problems(Stacked, raw));
  });
});
