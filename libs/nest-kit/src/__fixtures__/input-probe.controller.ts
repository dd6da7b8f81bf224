import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiConsumes } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import { UuidParam } from '../http/id-params';
import { VerbatimText } from '../http/input/request-input.interceptor';
import { OptionalText, PageLimit, PageOffset } from '../http/query-params';
import { FORM_MEDIA_TYPE } from '../http/input/body-parsers';

class ConsentDto {
  @IsString()
  textVersion!: string;
}

class EnrolProbeDto {
  @IsString()
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent?: ConsentDto;
}

class ListProbeQuery {
  @OptionalText()
  learner?: string;

  @PageLimit({ default: 10, maximum: 100 })
  limit?: number;

  @PageOffset()
  offset?: number;
}

/** Routes that exercise the kit's request input checks in tests. */
@Public()
@Controller('input')
export class InputProbeController {
  @Post('enrolments')
  @HttpCode(200)
  enrol(@Body() body: EnrolProbeDto) {
    return body;
  }

  @Post('verbatim')
  @HttpCode(200)
  @VerbatimText()
  verbatim(@Body() body: unknown) {
    return { body };
  }

  @Post('csv')
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv')
  csv(@Req() req: Request) {
    return { type: typeof req.body, body: req.body as unknown };
  }

  @Post('token')
  @HttpCode(200)
  @ApiConsumes(FORM_MEDIA_TYPE)
  token(@Req() req: Request) {
    return { body: req.body as unknown };
  }

  @Post('actions')
  @HttpCode(200)
  action() {
    return { done: true };
  }

  @Get('items')
  list(@Query() query: ListProbeQuery) {
    return query;
  }

  @Get('items/:id')
  get(@UuidParam('id') id: string) {
    return { id };
  }
}
