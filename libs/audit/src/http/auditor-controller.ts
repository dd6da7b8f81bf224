import { Roles } from '@alliance/nest-kit';
import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

/** A controller only auditors and alliance-admins reach, with a bearer token, under its OpenAPI tag. */
export function AuditorController(tag: string, path?: string): ClassDecorator {
  const controller = path === undefined ? Controller() : Controller(path);
  return applyDecorators(ApiTags(tag), ApiBearerAuth(), Roles('auditor', 'alliance-admin'), controller);
}
