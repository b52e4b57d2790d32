import {describe, expect, it} from 'vitest'
import {
  alignText,
  DESCRIBE_WRITER_OPTIONS,
  TABLE_WRITER_OPTIONS,
  TabWriter,
} from '../../../../src/cli/printers/tabwriter.js'

describe('TabWriter with kubectl table settings', () => {
  it('pads every column but the last to the widest cell plus 3, at least 6', () => {
    const text = alignText(
      'NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nweb-7d4b9c-x2k4j\t1/1\tRunning\t0\t5m\n',
      TABLE_WRITER_OPTIONS,
    )
    expect(text).toBe(
      [
        'NAME               READY   STATUS    RESTARTS   AGE',
        'web-7d4b9c-x2k4j   1/1     Running   0          5m',
        '',
      ].join('\n'),
    )
  })

  it('keeps the trailing padding of an empty last cell, as kubectl does for a missing -L label', () => {
    expect(alignText('NAME\tAPP\nweb\t\n', TABLE_WRITER_OPTIONS)).toBe('NAME   APP\nweb    \n')
  })

  it('applies the minimum width to short columns', () => {
    expect(alignText('A\tB\nx\ty\n', TABLE_WRITER_OPTIONS)).toBe('A     B\nx     y\n')
  })

  it('counts code points, not UTF-16 units or bytes', () => {
    expect(alignText('ÄÖÜ😀\tb\nx\ty\n', TABLE_WRITER_OPTIONS)).toBe('ÄÖÜ😀   b\nx      y\n')
  })

  it('remembers widths across flushes, so later rows line up with the header (get -w)', () => {
    const writer = new TabWriter(TABLE_WRITER_OPTIONS)
    writer.write('NAME\tSTATUS\tAGE\nweb-1\tPending\t0s\n')
    const first = writer.flush()
    writer.write('web-1\tRunning\t1s\n')
    const second = writer.flush()
    writer.write('web-1\tContainerCreating\t2s\n')
    const third = writer.flush()
    writer.write('web-1\tRunning\t3s\n')
    const fourth = writer.flush()
    expect(first + second + third + fourth).toBe(
      [
        'NAME    STATUS    AGE',
        'web-1   Pending   0s',
        'web-1   Running   1s',
        'web-1   ContainerCreating   2s',
        'web-1   Running             3s',
        '',
      ].join('\n'),
    )
    expect(writer.rememberedWidths()).toEqual([8, 20])
  })

  it('forgets widths between flushes without RememberWidths', () => {
    const writer = new TabWriter({...TABLE_WRITER_OPTIONS, rememberWidths: false})
    writer.write('a-long-name\tx\n')
    writer.flush()
    writer.write('b\ty\n')
    expect(writer.flush()).toBe('b     y\n')
  })
})

describe('TabWriter with kubectl describe settings', () => {
  it('aligns consecutive lines with tabs and lets a tab-less line end the block', () => {
    const text = alignText(
      [
        'Name:\tweb',
        'Namespace:\tdefault',
        'Labels:\tapp=web',
        '\tpod-template-hash=abc',
        'IPs:',
        '  IP:\t10.0.0.1',
        'Controlled By:\tReplicaSet/web',
        '',
      ].join('\n'),
      DESCRIBE_WRITER_OPTIONS,
    )
    expect(text).toBe(
      [
        'Name:       web',
        'Namespace:  default',
        'Labels:     app=web',
        '            pod-template-hash=abc',
        'IPs:',
        '  IP:           10.0.0.1',
        'Controlled By:  ReplicaSet/web',
        '',
      ].join('\n'),
    )
  })

  it('aligns nested columns only within the lines that have them', () => {
    const text = alignText(
      ['Port:\t<unset>\t80/TCP', 'TargetPort:\t8080/TCP', 'Session Affinity:\tNone', ''].join('\n'),
      DESCRIBE_WRITER_OPTIONS,
    )
    expect(text).toBe(
      [
        'Port:              <unset>  80/TCP',
        'TargetPort:        8080/TCP',
        'Session Affinity:  None',
        '',
      ].join('\n'),
    )
  })

  it('pads with tabs to tab stops when the pad character is a tab', () => {
    expect(alignText('ab\tc\nabcdefghi\td\n', {minWidth: 0, tabWidth: 8, padding: 1, padChar: '\t'})).toBe(
      'ab\t\tc\nabcdefghi\td\n',
    )
  })

  it('flushes text without a final newline as the last line', () => {
    expect(alignText('a\tb\nc', DESCRIBE_WRITER_OPTIONS)).toBe('a  b\nc')
  })
})
