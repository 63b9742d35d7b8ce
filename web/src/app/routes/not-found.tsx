import { Link } from 'react-router';

import { paths } from '@/config/paths';

/** Also shown for pages the user's role may not open, so their existence does not leak. */
export function NotFoundPage() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-emerald-800">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-2 text-slate-700">The page you asked for does not exist or is not available to you.</p>
      <Link to={paths.dashboard} className="mt-6 inline-block font-medium text-emerald-800 underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
