import { html, type SafeHtml } from '../html';

interface OpenApiDocument {
  paths?: Record<string, Record<string, { summary?: string; parameters?: { name: string; in: string; description?: string; required?: boolean }[] }>>;
}

/** The API's routes and parameters, read from the OpenAPI document the server generates. */
export function docsPage(base: string, doc: OpenApiDocument): SafeHtml {
  const paths = Object.entries(doc.paths ?? {});
  return html`<h1>JSON API</h1>
    <p>
      Read-only, JSON, rate limited per client. The machine-readable description is <a href="${base}/api/v1/openapi.json">openapi.json</a> (OpenAPI 3). Errors
      answer <code>{"error": "reason"}</code> with status 400 (bad parameter), 404 (nothing there) or 429 (too many requests).
    </p>
    ${paths.map(([path, methods]) =>
      Object.entries(methods).map(
        ([method, op]) =>
          html`<section class="card route">
            <h2><code>${method.toUpperCase()} ${path}</code></h2>
            <p>${op.summary ?? ''}</p>
            ${
              op.parameters && op.parameters.length > 0
                ? html`<ul>
                    ${op.parameters.map((p) => html`<li><code>${p.name}</code> (${p.in}${p.required ? ', required' : ''})${p.description ? `: ${p.description}` : ''}</li>`)}
                  </ul>`
                : ''
            }
          </section>`,
      ),
    )}`;
}
