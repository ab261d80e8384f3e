import { z } from "zod";
import { ENDPOINTS, type Endpoint } from "./endpoints.server";
import { DEFAULT_LIMIT, MAX_LIMIT } from "./pagination.server";
import { PROBLEM_TYPE } from "./problem.server";
import { API_SCHEMAS, listOf } from "./schemas.server";
import { API_PREFIX } from "./paths";

/*
 * The OpenAPI 3.1 document, generated from the endpoint table and the zod schemas the handler
 * parses every answer with, so the document and the answers cannot say different things. OpenAPI
 * 3.1 uses JSON Schema draft 2020-12, which z.toJSONSchema writes.
 */

type JsonSchema = Record<string, unknown>;

const TARGET = "draft-2020-12" as const;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** A schema without the keywords that only a standalone document carries. */
function bare(schema: JsonSchema): JsonSchema {
  const { $schema, $id, ...rest } = schema;
  return rest;
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(API_SCHEMAS, { target: TARGET, uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, bare(schema as JsonSchema)]));
}

/** The id the registry gives a schema; every response schema in the table is registered. */
function schemaId(schema: z.ZodType): string {
  const id = API_SCHEMAS.get(schema)?.id;
  if (!id) throw new Error("an API response schema is not in API_SCHEMAS");
  return id;
}

const parameterSchema = (schema: z.ZodType) => bare(z.toJSONSchema(schema, { target: TARGET, io: "input" }) as JsonSchema);

function parameters(endpoint: Endpoint) {
  const path = Object.entries(endpoint.params).map(([name, schema]) => ({
    name,
    in: "path",
    required: true,
    description: schema.description,
    schema: parameterSchema(schema),
  }));
  const query = Object.entries(endpoint.query).map(([name, schema]) => ({
    name,
    in: "query",
    required: false,
    description: schema.description,
    schema: parameterSchema(schema),
  }));
  return [...path, ...query, { $ref: "#/components/parameters/IfNoneMatch" }];
}

const problem = (description: string) => ({
  description,
  headers: { ...RATE_HEADERS, "Access-Control-Allow-Origin": { $ref: "#/components/headers/AccessControlAllowOrigin" } },
  content: { [PROBLEM_TYPE]: { schema: ref("Problem") } },
});

const RATE_HEADERS = {
  RateLimit: { $ref: "#/components/headers/RateLimit" },
  "RateLimit-Policy": { $ref: "#/components/headers/RateLimitPolicy" },
};

function responses(endpoint: Endpoint) {
  const body = endpoint.list ? listSchema(endpoint.response) : ref(schemaId(endpoint.response));
  return {
    "200": {
      description: endpoint.list ? "A page of the list" : "The resource",
      headers: {
        ETag: { $ref: "#/components/headers/ETag" },
        "Cache-Control": { $ref: "#/components/headers/CacheControl" },
        "Access-Control-Allow-Origin": { $ref: "#/components/headers/AccessControlAllowOrigin" },
        ...RATE_HEADERS,
      },
      content: { "application/json": { schema: body } },
    },
    "304": { description: "Not Modified: the caller's copy (If-None-Match) is this version", headers: RATE_HEADERS },
    ...(Object.keys(endpoint.query).length ? { "400": { $ref: "#/components/responses/BadRequest" } } : {}),
    ...(endpoint.parts ? { "404": { $ref: "#/components/responses/NotFound" } } : {}),
    "405": { $ref: "#/components/responses/MethodNotAllowed" },
    "429": { $ref: "#/components/responses/TooManyRequests" },
  };
}

/** A list page whose items refer to the item's component. */
function listSchema(item: z.ZodType): JsonSchema {
  const page = bare(z.toJSONSchema(listOf(z.object({})), { target: TARGET }) as JsonSchema);
  const properties = page.properties as Record<string, JsonSchema>;
  return { ...page, properties: { ...properties, results: { type: "array", items: ref(schemaId(item)) } } };
}

function operation(endpoint: Endpoint) {
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: endpoint.description,
    parameters: parameters(endpoint),
    responses: responses(endpoint),
  };
}

export function openApiDocument(origin: string) {
  const paths: Record<string, unknown> = Object.fromEntries(
    Object.values(ENDPOINTS).map((endpoint) => [endpoint.path, { get: operation(endpoint) }]),
  );
  paths["/openapi.json"] = {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      description: "The OpenAPI 3.1 description of the API.",
      parameters: [{ $ref: "#/components/parameters/IfNoneMatch" }],
      responses: {
        "200": {
          description: "The OpenAPI document",
          headers: { ETag: { $ref: "#/components/headers/ETag" }, ...RATE_HEADERS },
          content: { "application/json": { schema: { type: "object" } } },
        },
        "304": { description: "Not Modified", headers: RATE_HEADERS },
        "405": { $ref: "#/components/responses/MethodNotAllowed" },
        "429": { $ref: "#/components/responses/TooManyRequests" },
      },
    },
  };
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: {
      title: "Fellesløft read API",
      version: "1.0.0",
      summary: "What inter-municipal ICT cooperations publish: strategies, action plans, measures, uptake and annual reports.",
      description: [
        "Read-only and anonymous: every address answers GET and HEAD (and OPTIONS for CORS preflight), to any origin, without cookies.",
        "Only what a cooperation has chosen to publish is here; a part it does not publish answers 404, the same as an unknown cooperation.",
        "Money is in Norwegian kroner as numbers with two decimals (properties ending in `_nok`).",
        `Lists come as pages: \`limit\` (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}) and \`offset\`; \`next\` is the absolute URL of the next page, or null.`,
        "Answers carry an ETag and `Cache-Control: public, max-age=0, must-revalidate`: send If-None-Match to get 304 when nothing changed.",
        "Requests are limited per client address; the RateLimit and RateLimit-Policy headers say how many are left, and 429 comes with Retry-After.",
        "Errors are RFC 9457 problem details (application/problem+json).",
      ].join("\n\n"),
      license: { name: "Norsk lisens for offentlige data (NLOD) 2.0", url: "http://data.norge.no/nlod/no/2.0" },
    },
    servers: [{ url: `${origin}${API_PREFIX}`, description: "This installation" }],
    paths,
    components: {
      schemas: componentSchemas(),
      parameters: {
        IfNoneMatch: {
          name: "If-None-Match",
          in: "header",
          required: false,
          description: "An ETag of an earlier answer: 304 without a body when it is still current",
          schema: { type: "string" },
        },
      },
      headers: {
        ETag: { description: "The version of this answer", schema: { type: "string" } },
        CacheControl: { description: "public, max-age=0, must-revalidate: keep it, but ask again", schema: { type: "string" } },
        AccessControlAllowOrigin: {
          description: "Always *: any web page may read the API",
          schema: { type: "string", const: "*" },
        },
        RateLimit: {
          description: "This client's requests left in the window: limit, remaining, and seconds until reset",
          schema: { type: "string", examples: ["limit=300, remaining=299, reset=42"] },
        },
        RateLimitPolicy: {
          description: "The limit: requests per window (w, in seconds)",
          schema: { type: "string", examples: ["300;w=60"] },
        },
        RetryAfter: { description: "Seconds to wait before asking again", schema: { type: "integer", minimum: 1 } },
      },
      responses: {
        BadRequest: problem("Bad Request: a query parameter was refused (each one is in `errors`)"),
        NotFound: problem("Not Found: no such cooperation, or it does not publish this, or no such record"),
        MethodNotAllowed: {
          ...problem("Method Not Allowed: the API only reads"),
          headers: { ...problem("").headers, Allow: { description: "GET, HEAD, OPTIONS", schema: { type: "string" } } },
        },
        TooManyRequests: {
          ...problem("Too Many Requests: this client's limit is used up for now"),
          headers: { ...problem("").headers, "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
        },
      },
    },
  };
}
