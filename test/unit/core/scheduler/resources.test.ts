import {describe, expect, it} from 'vitest'
import type {PodSpec} from '../../../../src/core/api/types.js'
import {amountOf, podRequests} from '../../../../src/core/scheduler/resources.js'

const container = (name: string, requests?: Record<string, string>) => ({
  name,
  image: 'tugboat/demo:v1',
  ...(requests ? {resources: {requests}} : {}),
})

describe('amountOf', () => {
  it.each([
    ['cpu', '500m', 500],
    ['cpu', '2', 2000],
    ['cpu', '0.1', 100],
    ['memory', '128Mi', 134217728],
    ['memory', '1G', 1e9],
    ['pods', '110', 110],
    ['memory', 'lots', 0],
  ])('%s %s is %d', (name, value, expected) => expect(amountOf(name, value)).toBe(expected))
})

describe('podRequests', () => {
  it.each<[string, PodSpec, boolean, Record<string, number>]>([
    [
      'sums the containers',
      {containers: [container('a', {cpu: '200m'}), container('b', {cpu: '300m', memory: '1Mi'})]},
      false,
      {cpu: 500, memory: 1048576},
    ],
    [
      'takes the largest init container when it is larger than the sum',
      {
        containers: [container('a', {cpu: '200m'})],
        initContainers: [container('i', {cpu: '1'}), container('j', {cpu: '300m'})],
      },
      false,
      {cpu: 1000},
    ],
    ['a pod without requests requests nothing', {containers: [container('a')]}, false, {}],
    [
      'for scoring, a missing request counts as 100m and 200Mi',
      {containers: [container('a'), container('b', {cpu: '1'})]},
      true,
      {cpu: 1100, memory: 2 * 209715200},
    ],
    [
      'for scoring, an explicit zero stays zero',
      {containers: [container('a', {cpu: '0', memory: '0'})]},
      true,
      {cpu: 0, memory: 0},
    ],
  ])('%s', (_, spec, nonZero, expected) => expect(podRequests(spec, {nonZero})).toEqual(expected))
})
