/** Who a REST request acts as, once access control has let it through. */
import type { FastifyRequest } from "fastify";
import { unauthenticated } from "./access-errors.ts";
import type { Principal } from "./roles.ts";

export function principalFor(request: FastifyRequest): Principal {
  const principal = request.access?.principal;
  if (!principal) throw unauthenticated();
  return principal;
}

/** The name recorded in history as who acted. */
export const actorOf = (request: FastifyRequest) => principalFor(request).name;
