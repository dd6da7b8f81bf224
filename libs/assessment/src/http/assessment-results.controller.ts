import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AmendResultCommand,
  type BatchReport,
  PublishResultBatchCommand,
  RETRY_AFTER_SECONDS,
  RETRYABLE_CODES,
  PublishResultCommand,
} from '../application/commands';
import type { BatchStatusView } from '../application/batch/batch-progress';
import { BatchSettings } from '../application/batch/batch-settings';
import { RESULT_COLUMNS } from '../application/batch/result-row.input';
import { GetResultBatchQuery, GetResultQuery, ListResultsQuery, type ResultPage, type ResultView } from '../application/queries';
import { AssessmentException } from '../domain/assessment.exception';
import { readUpload } from './batch-upload';
import { commandMeta, plain } from './command-meta';
import { AmendResultDto } from './dto/amend-result.dto';
import { ListResultsDto } from './dto/list-results.dto';
import { PublishResultDto } from './dto/result.dto';

@ApiTags('assessment-results')
@ApiBearerAuth()
@Controller('assessment-results')
export class AssessmentResultsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly settings: BatchSettings,
  ) {}

  @Post()
  @Roles('registrar', 'institution-admin')
  @ApiOperation({ summary: "Publish one result for a component the caller's institution owns; passed is derived from the grade" })
  async publish(
    @Body() dto: PublishResultDto,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResultView> {
    const { resultId, ...result } = plain(dto);
    const id = await this.commands
      .execute(PublishResultCommand.create({ ...(resultId ? { resultId } : {}), result, ...commandMeta(actor) }))
      .catch((error: unknown) => {
        // An enrolment enrolment has just answered for may not have reached assessment yet: the same request will do.
        if (error instanceof AssessmentException && RETRYABLE_CODES.has(error.code))
          res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
        throw error;
      });
    return this.read(id, actor);
  }

  @Post('batches')
  @Roles('registrar', 'institution-admin')
  @ApiConsumes('application/json', 'text/csv', 'text/plain')
  @ApiHeader({
    name: 'Prefer',
    required: false,
    description: '`respond-async`: answer 202 once the rows are durable, with the batch resource in Location',
  })
  @ApiBody({
    description:
      'JSON { batchId, results: [...] } or CSV with header rowId,enrolmentId,componentCode,grade,assessedOn,assessmentType,supervision,evidenceUrl,assessor',
  })
  @ApiOperation({
    summary:
      'Publish a cohort (up to 10,000 rows): each row is checked on its own, good rows are recorded, bad ones reported by line; re-sending the same batch is idempotent',
  })
  async publishBatch(
    @Req() req: Request,
    @Body() body: unknown,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BatchReport> {
    const upload = readUpload(req, body, this.settings);
    const mode = respondAsync(req) ? 'async' : 'sync';
    const report = await this.commands.execute(
      PublishResultBatchCommand.create({
        batchId: upload.batchId,
        format: upload.format,
        digest: upload.digest,
        rows: upload.rows,
        mode,
        ...commandMeta(actor),
      }),
    );
    // Rows whose enrolment has not reached assessment yet are recorded by sending the same file again shortly.
    if (report.retryable > 0) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    if (report.rejected === report.rows) {
      // Not one row could be recorded: the whole upload is refused, and the report says why for each line.
      throw new AssessmentException(
        'assessment.batch-rejected',
        `none of the ${report.rows} rows could be recorded; see rejections`,
        'body',
        { ...report },
      );
    }
    if (mode === 'async') {
      res.status(202);
      res.setHeader('location', `/assessment-results/batches/${encodeURIComponent(report.batchId)}`);
      res.setHeader('preference-applied', 'respond-async');
    } else res.status(200);
    return report;
  }

  @Get('batches/template.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The CSV header a bulk upload expects, with one example row' })
  template(): string {
    return `${RESULT_COLUMNS.join(',')}\nrow-1,<enrolment id>,<component code>,7.5,2026-06-10,written exam,supervised-onsite-identity-verification,https://evidence.example/1,Dr. Example\n`;
  }

  @Get('batches/:batchId')
  @Roles('registrar', 'institution-admin')
  @ApiOperation({ summary: "One of the caller's institution's uploads: phase, row totals, and (for recent uploads) every row's outcome" })
  batchStatus(@Param('batchId') batchId: string, @CurrentActor() actor: AuthenticatedActor): Promise<BatchStatusView> {
    return this.queries.execute(GetResultBatchQuery.create({ batchId, ...commandMeta(actor) }));
  }

  @Get()
  @ApiOperation({ summary: 'Results (latest effective, with amendment history) by enrolment, learner, component, institution or batch' })
  list(@Query() dto: ListResultsDto, @CurrentActor() actor: AuthenticatedActor): Promise<ResultPage> {
    return this.queries.execute(
      ListResultsQuery.create({ ...plain(dto), limit: dto.limit ?? 100, offset: dto.offset ?? 0, ...commandMeta(actor) }),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One result with its amendment history' })
  get(@UuidParam('id') id: string, @CurrentActor() actor: AuthenticatedActor): Promise<ResultView> {
    return this.read(id, actor);
  }

  @Post(':id/amendments')
  @HttpCode(201)
  @Roles('registrar', 'institution-admin')
  @ApiOperation({ summary: 'Amend a result (a reason is mandatory); results are never deleted and the latest amendment counts' })
  async amend(@UuidParam('id') id: string, @Body() dto: AmendResultDto, @CurrentActor() actor: AuthenticatedActor): Promise<ResultView> {
    await this.commands.execute(AmendResultCommand.create({ resultId: id, ...plain(dto), ...commandMeta(actor) }));
    return this.read(id, actor);
  }

  private read(resultId: string, actor: AuthenticatedActor): Promise<ResultView> {
    return this.queries.execute(GetResultQuery.create({ resultId, ...commandMeta(actor) }));
  }
}

/** RFC 7240 `Prefer: respond-async`, alone or among other preferences. */
function respondAsync(req: Request): boolean {
  return (req.header('prefer') ?? '').split(/[,;]/).some((p) => p.trim().toLowerCase() === 'respond-async');
}
