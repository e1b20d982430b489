import type { FastifyInstance } from 'fastify';
import { DomainException, RouteNotFoundException } from '../common';
import { isConsoleRoute, type ConsoleAssets } from './console-assets';

/**
 * GET catch-all, registered on Fastify after Nest's routes: console deep links get
 * index.html so a reload on any page works; anything else is a 404 in the API error
 * format. Built files have their own static routes, which Fastify matches first.
 */
export function registerConsoleFallback(fastify: FastifyInstance, assets: ConsoleAssets): void {
  fastify.get('/*', async (request, reply) => {
    const path = request.url.split('?', 1)[0];
    if (!isConsoleRoute(path)) throw new RouteNotFoundException('GET', path);
    const html = assets.indexHtml;
    if (html === undefined) {
      throw new DomainException('NOT_FOUND', 404, 'The console is not built on this server; run "npm run build".');
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}
