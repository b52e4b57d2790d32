/** HTTP from integration tests: only to 127.0.0.1, with bounded retries while a server starts. */

/** GETs a URL, retrying while nothing answers yet: at most 50 tries in about 10 s. */
export async function fetchResponse(url: string): Promise<Response> {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`tests only reach 127.0.0.1, not ${url}`)
  let last: unknown
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      return await fetch(url, {signal: AbortSignal.timeout(1_000)})
    } catch (error) {
      last = error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  throw new Error(`no answer from ${url}`, {cause: last})
}

/** The body of a GET. */
export async function fetchText(url: string): Promise<string> {
  return (await fetchResponse(url)).text()
}

/** The status code of a GET. */
export async function fetchStatus(url: string): Promise<number> {
  const response = await fetchResponse(url)
  await response.arrayBuffer()
  return response.status
}
