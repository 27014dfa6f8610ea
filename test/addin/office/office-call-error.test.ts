import { OfficeCallError, officeAsync } from '../../../src/addin/office/office-call-error';
import { createOfficeMock, failedWith, succeeded, type MockAsyncResult } from './office-mock';

const { office } = createOfficeMock();
const answerWith = <T>(result: MockAsyncResult<T>) => officeAsync<T>(office, 'item.test.getAsync', (callback) => callback(result as unknown as Office.AsyncResult<T>));

describe('officeAsync', () => {
  test('resolves with the value of a succeeded AsyncResult', async () => {
    await expect(answerWith(succeeded('value'))).resolves.toBe('value');
  });

  test.each<[number, string]>([
    [9002, 'InternalServerError'],
    [9041, 'NetworkError'],
    [5001, 'Internal Error'],
  ])('rejects a failed AsyncResult as OfficeCallError with Office’s code %s and name %s', async (code, name) => {
    const error: unknown = await answerWith(failedWith(code, name)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OfficeCallError);
    expect(error).toMatchObject({ name: 'OfficeCallError', kind: 'failed', code, officeName: name, call: 'item.test.getAsync' });
    expect((error as OfficeCallError).cause).toMatchObject({ code, name });
  });

  test('rejects a failed AsyncResult without error details with null code and name', async () => {
    await expect(answerWith({ status: 'failed', value: undefined })).rejects.toMatchObject({ kind: 'failed', code: null, officeName: null });
  });
});
