/**
 * Dossier-number blocks (docs/dossier-codes.md). POST allocates what a workstation asks for and
 * answers with every block it holds; GET only answers (a workstation that lost its local state
 * sees its blocks again). The holder is a workstation installation, named in the body: a
 * reinstalled or restored workstation must enrol as a NEW holder, never reuse the old one.
 */
import type { FastifyInstance } from 'fastify';
import { compileFormat, type DossierCodeFormat } from '../../src-shared/domain/dossier-code/format';
import { vnDay } from '../../src-shared/domain/vn-time';
import { blocksQuerySchema, blocksRequestSchema, type BlocksResponse } from '../../src-shared/contract/reference-api';
import { allocateBlocks, holderBlocks } from '../codes/store';
import type { Database } from '../db/types';
import { callerOf } from '../http/authenticate';
import { badRequest, forbidden, zodMessage } from '../http/errors';

const ALLOCATE_ROLES = new Set(['clerk', 'admin']);
const BLOCKS_BODY_LIMIT = 64 * 1024;

export function codeRoutes(app: FastifyInstance, db: Database, format: DossierCodeFormat, clock: () => number = Date.now): void {
  // Fails at start, not at the first request, on a bad configured format.
  const { maxSequence } = compileFormat(format);

  app.post('/codes/blocks', { bodyLimit: BLOCKS_BODY_LIMIT }, async (request): Promise<BlocksResponse> => {
    const caller = callerOf(request);
    if (!ALLOCATE_ROLES.has(caller.role)) throw forbidden('Your role may not request dossier numbers');
    const body = blocksRequestSchema.safeParse(request.body);
    if (!body.success) throw badRequest(zodMessage(body.error));
    const { holder, requests } = body.data;
    requests.forEach((r, i) => {
      if (r.agencyId !== caller.agencyId) throw forbidden(`requests.${i}: agency ${r.agencyId} belongs to another centre`);
      if (r.holder !== holder) throw badRequest(`requests.${i}: holder "${r.holder}" is not the body's holder "${holder}"`);
    });
    const now = clock();
    const today = vnDay(now);
    const outcome = await allocateBlocks(db, { agencyId: caller.agencyId, holder, requests, today, maxSequence, now, requestedBy: caller.username });
    const allocated = requests.length - outcome.errors.length;
    if (requests.length) request.log.info({ username: caller.username, holder, allocated, refused: outcome.errors.length }, 'dossier-number blocks');
    return { today, format, blocks: outcome.blocks, errors: outcome.errors };
  });

  app.get('/codes/blocks', async (request): Promise<BlocksResponse> => {
    const caller = callerOf(request);
    const query = blocksQuerySchema.safeParse(request.query);
    if (!query.success) throw badRequest(zodMessage(query.error));
    const today = vnDay(clock());
    return { today, format, blocks: await holderBlocks(db, caller.agencyId, query.data.holder, today), errors: [] };
  });
}
