// A tiny cookie-keeping HTTP client for tests: signs in like a browser and sends the CSRF token back.
export class TestClient {
  private cookie = '';
  csrfToken = '';

  constructor(readonly baseUrl: string) {}

  /** The session cookie as a Cookie header value (for callers that send requests their own way, e.g. bench/). */
  get cookieHeader(): string {
    return this.cookie;
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as any, headers: response.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', path, body ?? {}, headers);

  /** POST one file as multipart/form-data, like a browser's file input. */
  async upload(path: string, file: { name: string; content: Uint8Array; type?: string }, field = 'file') {
    const form = new FormData();
    form.append(field, new Blob([file.content], { type: file.type ?? 'application/octet-stream' }), file.name);
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}) },
      body: form,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as any, headers: response.headers };
  }

  /** GET raw bytes (downloads). */
  async download(path: string) {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.cookie ? { cookie: this.cookie } : {} });
    return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers };
  }

  async login(username: string, password = 'motcua-demo') {
    const result = await this.post('/api/auth/login', { username, password });
    if (result.status !== 200) throw new Error(`login ${username} failed: ${result.status} ${JSON.stringify(result.body)}`);
    this.csrfToken = result.body.csrfToken;
    return result.body;
  }
}
