"""Request parsers that turn every malformed body into 400, never 500."""

from rest_framework.exceptions import ParseError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser


class JsonParser(JSONParser):
    """``JSONParser`` that also refuses absurdly nested JSON (``RecursionError``)."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError("JSON parse error - nested too deeply") from exc


JSON = [JsonParser]
JSON_DAN_BERKAS = [MultiPartParser, FormParser, JsonParser]
