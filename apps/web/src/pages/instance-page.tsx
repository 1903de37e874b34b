/** One instance: see the instance view. */
import { InstanceView } from "../instance-view/instance-view.tsx";

export function InstancePage({ id }: { id: string }) {
  return <InstanceView key={id} id={id} />;
}
