import type { Profile } from '../api/types';

/** A profile's avatar: its uploaded image, else its initial on its accent colour (or the theme's). */
export function ProfileAvatar({ profile, name }: { profile?: Profile; name: string }) {
  const accent = profile?.visual.accentColor ?? undefined;
  if (profile?.visual.avatarUrl) {
    return <img className="avatar avatar-image" src={profile.visual.avatarUrl} alt="" aria-hidden="true" data-testid="avatar-image" />;
  }
  return (
    <div className="avatar" aria-hidden="true" style={accent ? { background: accent, color: '#fff' } : undefined}>
      {name.slice(0, 1).toUpperCase()}
    </div>
  );
}
