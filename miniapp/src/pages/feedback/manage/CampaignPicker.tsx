import type { Campaign } from '@kaimen/shared';

/** Which campaign an admin page is about (the admin's own org tree). */
export function CampaignPicker({ campaigns, value, onChange }: { campaigns: Campaign[]; value: string; onChange: (id: string) => void }) {
  return (
    <select className="campaign-picker" value={value} onChange={(e) => onChange(e.target.value)}>
      {value ? null : <option value="">请选择活动</option>}
      {campaigns.map((c) => (
        <option key={c.id} value={c.id}>
          {c.title}
        </option>
      ))}
    </select>
  );
}
