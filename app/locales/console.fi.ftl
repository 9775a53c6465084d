# Operaattorin konsoli (katso console.en.ftl).
