import { A } from '@solidjs/router';

export function NotFoundPage() {
  return (
    <main class="center-page">
      <div class="card">
        <h1>Page not found</h1>
        <p>
          <A href="/ecommerce">Back to Ecommerce Details</A>
        </p>
      </div>
    </main>
  );
}
