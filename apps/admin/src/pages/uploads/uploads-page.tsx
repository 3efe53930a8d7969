import { createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/problem.ts';
import type { components } from '../../api/schema.gen.ts';
import { formatCount, plural } from '../../lib/format.ts';
import { useStore } from '../../store/store-context.tsx';
import { notify } from '../../ui/toaster.tsx';

type DryRun = components['schemas']['UploadDryRun'];
type Mode = components['schemas']['UploadMode'];

/** CSV upload: check the file first (per-row errors and a preview), then apply it all-or-nothing. */
export function UploadsPage() {
  const api = useApi();
  const { storeId } = useStore();
  const [file, setFile] = createSignal<File>();
  const [mode, setMode] = createSignal<Mode>('set');
  const [checked, setChecked] = createSignal<DryRun>();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal<'checking' | 'applying'>();

  const send = (dryRun: boolean, chosen: File) =>
    api.POST('/stores/{storeId}/uploads', {
      params: { path: { storeId: storeId() }, query: { dryRun: dryRun ? 'true' : 'false' } },
      body: { file: chosen.name, mode: mode() },
      // The typed body names the form's fields; the request carries the file itself.
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', chosen);
        form.append('mode', mode());
        return form;
      },
    });

  const check = async () => {
    const chosen = file();
    if (!chosen) return;
    setBusy('checking');
    setError(undefined);
    setChecked(undefined);
    try {
      setChecked((await unwrap(send(true, chosen))) as DryRun);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  const apply = async () => {
    const chosen = file();
    if (!chosen) return;
    setBusy('applying');
    setError(undefined);
    try {
      const applied = (await unwrap(send(false, chosen))) as components['schemas']['AppliedUpload'];
      notify(
        'success',
        `Upload ${applied.filename} applied`,
        `${plural(applied.rowCount, 'row')}: ${applied.changed} changed on hand, ${applied.unchanged} unchanged.`,
      );
      setChecked(undefined);
      setFile(undefined);
    } catch (e) {
      // The file was checked, but stock may have moved since: the server names the rows again.
      if (e instanceof ApiError && e.problem?.errors) {
        const errors = e.problem.errors.map((x) => ({
          row: x.row ?? 0,
          column: x.column ?? null,
          message: x.reason,
        }));
        setChecked((c) => (c ? { ...c, ok: false, errors, errorCount: errors.length } : c));
      }
      setError(errorMessage(e));
      notify('error', 'The upload was not applied', errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section class="page">
      <header class="page-header">
        <h1>Uploads</h1>
      </header>
      <form
        class="card form"
        aria-labelledby="upload-title"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <h2 id="upload-title">Upload a stock CSV</h2>
        <p class="muted">
          Header <code>sku,quantity[,mode][,location]</code>, one row per SKU and location. Nothing is written
          until you apply a file that has no errors.
        </p>
        <div class="inline-fields">
          <div class="field">
            <label class="field-label" for="upload-file">
              CSV file
            </label>
            <input
              id="upload-file"
              class="input"
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0]);
                setChecked(undefined);
                setError(undefined);
              }}
            />
          </div>
          <div class="field">
            <label class="field-label" for="upload-mode">
              Rows without a mode
            </label>
            <select
              id="upload-mode"
              class="input"
              value={mode()}
              onChange={(e) => {
                setMode(e.currentTarget.value as Mode);
                setChecked(undefined);
              }}
            >
              <option value="set">Set on hand to the quantity</option>
              <option value="delta">Change on hand by the quantity</option>
            </select>
          </div>
        </div>
        <div class="form-actions">
          <button type="submit" class="button" disabled={!file() || busy() !== undefined}>
            {busy() === 'checking' ? 'Checking…' : 'Check file'}
          </button>
          <button
            type="button"
            class="button button-primary"
            disabled={!checked()?.ok || busy() !== undefined}
            onClick={() => void apply()}
          >
            {busy() === 'applying' ? 'Applying…' : 'Apply upload'}
          </button>
        </div>
        <Show when={error()}>
          <p class="form-error" role="alert">
            {error()}
          </p>
        </Show>
      </form>

      <Show when={checked()}>
        {(result) => (
          <section class="card" aria-labelledby="check-title">
            <h2 id="check-title">Check result</h2>
            <p role="status" class={result().ok ? 'ok-text' : 'error-text'} data-testid="upload-summary">
              {result().ok
                ? `${plural(result().rowCount, 'row')}, no errors: ready to apply.`
                : `${plural(result().rowCount, 'row')}, ${plural(result().errorCount, 'error')}: fix the file and check it again.`}
            </p>
            <Show when={result().errors.length > 0}>
              <table class="table" aria-label="Errors by row">
                <thead>
                  <tr>
                    <th scope="col" class="num">
                      Row
                    </th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={result().errors}>
                    {(err) => (
                      <tr class="row-error">
                        <td class="num">{err.row}</td>
                        <td>{err.column ?? '(whole row)'}</td>
                        <td>{err.message}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
            <Show when={result().preview.length > 0}>
              <h3>Preview</h3>
              <div class="table-scroll">
                <table class="table" aria-label="What applying would do">
                  <thead>
                    <tr>
                      <th scope="col" class="num">
                        Row
                      </th>
                      <th scope="col">SKU</th>
                      <th scope="col">Location</th>
                      <th scope="col">Mode</th>
                      <th scope="col" class="num">
                        Quantity
                      </th>
                      <th scope="col" class="num">
                        On hand before
                      </th>
                      <th scope="col" class="num">
                        On hand after
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={result().preview}>
                      {(row) => (
                        <tr>
                          <td class="num">{row.row}</td>
                          <td>{row.sku}</td>
                          <td>{row.location}</td>
                          <td>{row.mode}</td>
                          <td class="num">{formatCount(row.quantity)}</td>
                          <td class="num">{formatCount(row.onHandBefore)}</td>
                          <td class="num">{formatCount(row.onHandAfter)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </section>
        )}
      </Show>
    </section>
  );
}
