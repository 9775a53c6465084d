# Asiakkaan työtila (katso workspace.en.ftl).
