import {describe, expect, it} from 'vitest'
import {parsePsStates} from '../../../src/runtime/parse-ps.js'

const DOCKER_ID = '752f99348dcbe58648d2fbf6bbaa3f8406a1c5bde1d5f49f49df495003ba806b'
const PODMAN_ID = '86531424a2eea8e0e32464055bb87de8fb0a27e77854a4f03c95fe32bb09c8f3'

describe('parsePsStates', () => {
  it.each([
    {what: "docker's `<id> <state>` lines", text: `${DOCKER_ID} exited\n${PODMAN_ID} running\n`},
    {
      what: "podman's JSON array",
      text: JSON.stringify([
        {Id: DOCKER_ID, State: 'exited', Status: 'Exited (137) 2 seconds ago'},
        {Id: PODMAN_ID, State: 'running', Status: 'Up Less than a second ago'},
      ]),
    },
  ])('reads $what', ({text}) => {
    expect(parsePsStates(text)).toEqual([
      {id: DOCKER_ID, state: 'exited'},
      {id: PODMAN_ID, state: 'running'},
    ])
  })

  it.each([
    {what: 'no containers (docker)', text: ''},
    {what: 'no containers (podman)', text: '[]\n'},
    {what: 'lines that are not containers', text: 'WARNING: something\n'},
  ])('finds nothing in $what', ({text}) => {
    expect(parsePsStates(text)).toEqual([])
  })

  it("maps the engines' state words as inspect does, and unknown ones to unknown", () => {
    const states = ['created', 'paused', 'removing', 'stopping', 'weird'].map(
      (state, i) => `${String(i).repeat(12)} ${state}`,
    )
    expect(parsePsStates(states.join('\n')).map((c) => c.state)).toEqual([
      'created',
      'paused',
      'exited',
      'running',
      'unknown',
    ])
  })
})
