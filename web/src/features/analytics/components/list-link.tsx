import { Link } from 'react-router';

import { listLink } from '../model/format';

/** A count in a table that opens the shipments it counts. */
export function ListLink({ list, count }: { list: string; count: number }) {
  return (
    <Link to={listLink(list)} className="font-medium text-sky-700 underline">
      {count}
    </Link>
  );
}
