import type { z } from "zod";

/*
 * Errors as RFC 9457 problem details. The type is always about:blank: the status code says all
 * there is to say, and the title is its standard phrase, as §4.2.1 asks for that type.
 */

export const PROBLEM_TYPE = "application/problem+json";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export interface ParameterError {
  parameter: string;
  message: string;
}

export interface ProblemBody {
  type: "about:blank";
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: ParameterError[];
}

export function problemBody(status: number, detail: string, instance: string, errors?: ParameterError[]): ProblemBody {
  return { type: "about:blank", title: TITLES[status] ?? "Error", status, detail, instance, ...(errors ? { errors } : {}) };
}

export function problemResponse(
  status: number,
  detail: string,
  instance: string,
  options: { errors?: ParameterError[]; headers?: HeadersInit } = {},
): Response {
  const headers = new Headers(options.headers);
  headers.set("Content-Type", `${PROBLEM_TYPE}; charset=utf-8`);
  // an error may be different on the next request (a part published, a limit reset)
  headers.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(problemBody(status, detail, instance, options.errors)), { status, headers });
}

/** The same 404 for an unknown cooperation, an unpublished one or part, and a record that is not there. */
export const notFoundProblem = (instance: string) =>
  problemResponse(404, "There is nothing published at this address.", instance);

/** A zod error on query parameters, one entry per parameter. */
export function parameterErrors(error: z.ZodError): ParameterError[] {
  return error.issues.map((issue) => ({
    parameter: issue.path.length
      ? issue.path.map(String).join(".")
      : String((issue as { keys?: string[] }).keys?.join(", ") ?? ""),
    message: issue.message,
  }));
}
