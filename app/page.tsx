import { TtsApp } from "@/components/TtsApp";

export default function Page() {
  return <TtsApp />;
}
