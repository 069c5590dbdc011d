"""``govspeech_department``: DEPARTMENT spans with canonical names.

Sources of a match, all from ``resources/lexicons/departments.json``:

* a stem with optional prefix and a suffix (区交通运输局, 市场监管部门, 应急管理局);
* a coordination sharing its affixes (区发改、能源部门; 公安、应急、商贸、文旅、市场监管等部门):
  one span per conjunct over its own characters, the shared affixes restored in ``canonical``;
* whole bodies (区委, 区政府, 国务院 …, also under other level prefixes) and collective ones
  (各乡镇, 各级各部门, 有关部门 …, ``collective`` = true);
* an unseen name: level prefix + a few characters + a strong suffix (区湿地保护中心), not
  starting inside a longer place word (省市区委, 温州);
* bodies found by their role: the subject of a task (区财政将…, 呼伦贝尔大剧院要…), a body
  given a task (由区更新办负责), a task force (重点项目推进专班), named places closed or
  counted by their kind (西洞、西峰3个乡镇; 7个乡镇…(金佛寺、东洞…)).

A full place name before a level word belongs to the name (上海市松江 + 区人民政府办公室); a
list of fields of work (做好档案史志、关工委、侨务等工作) marks nothing.

A body directly followed by a title or a meeting word (区委书记, 安委会全体会议) is part of a
person's title or a meeting's name and is not marked.  Overlaps keep the longest match.
"""
from __future__ import annotations

import re
from itertools import chain

from spacy.language import Language
from spacy.tokens import Doc

from govspeech import docstate
from govspeech.components.base import RuleComponent
from govspeech.components.numerals import read_int
from govspeech import patterns

# characters that never sit inside a department name (function words and verbs)
_NOT_IN_NAME = "的和与在对要是了把将向为从由及或等各这那其该以于就都也还再又被让使给届次0-9"


_FIELD_CLAUSE_END = "，,。；;：:\n"
_BOOK_TITLE = re.compile(r"《[^《》\n]{1,80}》")


_FULL_NAMES = {"党中央": "中国共产党中央委员会", "中央": "中国共产党中央委员会"}
# 省委、省政府坚决贯彻…: the speaker's government acting together with its party committee
_PARTY_BEFORE = re.compile(r"(?:省|市|区|县|旗|州|自治区|党)委、$")


def actor_cue_pattern(lexicon: dict) -> str:
    """The pattern of the words after a body that make it the subject of a task (区交通运输局要…);
    要 is no actor cue inside 要素 (合肥都市圈要素市场化改革).  The span filter uses it too."""
    return f"(?:{patterns.words(lexicon.get('actor_cues', []))})(?<!要(?=素))"


def _list_items(m: re.Match) -> list[tuple[int, int, str]]:
    """The items of the 、-list in group ``items`` of ``m``: (start, end, text)."""
    base = m.start("items")
    return [(base + part.start(), base + part.end(), part.group()) for part in re.finditer(r"[^、]+", m.group("items"))]


def _named_actors(items: list[tuple[int, int, str]]) -> list[tuple[int, int, dict]]:
    """Bodies named in a list that acts or is supported to act (支持西湖大学…, 扶持三元、麦福劳…),
    each a department named as written, whatever word follows it."""
    return [(start, end, {"canonical": name, "collective": False, "_any_after": True}) for start, end, name in items]


def _places(m: re.Match, head: str, lead: re.Pattern | None = None) -> list[tuple[int, int, dict]]:
    """Named places listed in ``m`` (西洞、西峰), each a department named with its kind (西洞镇);
    a verb that ``lead`` finds before the first name is not part of it (解决芳园、天润等8个社区)."""
    kind = head.replace("乡镇", "镇")
    items = _list_items(m)
    if lead is not None and items and (verb := lead.match(items[0][2])) and len(items[0][2]) - verb.end() >= 2:
        start, end, name = items[0]
        items[0] = (start + verb.end(), end, name[verb.end():])
    return [(start, end, {"canonical": name + kind, "collective": False, "_part": True}) for start, end, name in items]


_CLAUSE_CLOSERS = ("，", "。", "；", "、", ",", ";", "")


class DepartmentRecognizer(RuleComponent):
    resource = ("lexicons", "departments.json")

    def compile(self) -> None:
        d = self.data
        self.stem_info: dict[str, dict] = {}
        free_stems, bound_stems = [], []
        for entry in d["stems"]:
            for alias in {entry["stem"], *entry.get("aliases", [])}:
                self.stem_info[alias] = entry
                (bound_stems if entry.get("requires_suffix") else free_stems).append(alias)
        prefixes = patterns.words(d["prefixes"])
        suffixes = patterns.words(d["suffixes"])
        stems = patterns.words(free_stems + bound_stems)
        self.prefixes = sorted(d["prefixes"], key=len, reverse=True)
        guard = patterns.first_chars(d["prefixes"], free_stems, bound_stems)
        # the longest prefix + stem: how far before its suffix a lexicon name can start
        name_reach = max(map(len, d["prefixes"]), default=0) + max(map(len, free_stems + bound_stems), default=0)
        self.single = patterns.NearAnchor(patterns.compile(f"{guard}(?P<prefix>{prefixes})?(?P<stem>{stems})(?P<suffix>{suffixes})"),
                                          patterns.compile(suffixes), before=name_reach)
        conj = f"(?:{stems})"
        joiners = "(?:、|和|及|与)"
        heads = patterns.words(d.get("shared_collective_heads", ["部门"]))
        # the shared tail: a suffix (区发改、能源部门), or 等 + a modifier + a collective head
        # (区发展改革、财政、税务、国资等有关部门; 区交通、水务等市政交通设施相关部门)
        self.coordination = patterns.compile(
            f"{guard}(?P<prefix>{prefixes})?(?P<items>{conj}(?:{joiners}{conj})+)"
            f"(?P<shared>等?(?:{suffixes})|等[^,，。;；:：!?！？\n]{{0,24}}?(?:{heads}))")
        self.conjunct = patterns.compile(stems)
        # a body takes a level prefix (区, 市 …) but not another body (市委 + 市政府 are two)
        level_prefixes = [p for p in d["prefixes"] if not p.endswith(("委", "政府", "国务院"))]
        prefix_kinds = (self.prefixes, sorted(level_prefixes, key=len, reverse=True))
        body_cores = set()
        for body in d["bodies"]:
            body_cores.add(body)
            # its core after the longest prefix (区政府督查室 → 督查室) and after the level word
            # alone (→ 政府督查室, so that 市政府督查室 is one name and not 市政府 + 督查室)
            for prefixes_of_kind in prefix_kinds:
                for p in prefixes_of_kind:
                    if body.startswith(p) and len(body) > len(p) + 1:
                        body_cores.add(body[len(p):])
                        break
        body = (  # not after another level word: 省市区委 and 省市委 are short forms, not 区委 / 市委
            f"(?<![省市区县]){patterns.first_chars(level_prefixes, body_cores)}(?P<prefix>{patterns.words(level_prefixes)})?"
            f"(?P<body>{patterns.words(body_cores)})")
        self.bodies = patterns.compile(f"{body}(?:党组|党委|党工委)?")  # 区政府党组 is one body
        # 国务院各部门, 市政府有关部门: the members of a body, one collective
        members = d.get("body_members", {"quantifiers": [], "heads": []})
        self.body_members = patterns.compile(
            f"{body}(?:{patterns.words(members['quantifiers']) or '(?!)'})(?:{patterns.words(members['heads']) or '(?!)'})")
        # 市县两级政府: the bodies of several levels counted together
        levels = d.get("level_collectives", {"levels": "", "counts": [], "heads": []})
        self.level_collective = patterns.compile(
            f"(?<![{patterns.HAN}](?<![和及与、]))[{levels['levels'] or '-'}]{{2,5}}(?:{patterns.words(levels['counts']) or '(?!)'})级"
            f"(?:{patterns.words(levels['heads']) or '(?!)'})") if levels["levels"] else patterns.compile("(?!)")
        actor = actor_cue_pattern(d)
        # the speaker's government given a task of its own (省政府将认真组织实施) is a department,
        # and so is it where a review names it as the subject (区政府在市委…领导下, 区政府坚持…)
        self.speaker_acts = patterns.compile(f"(?:{patterns.words(d.get('actor_cues', []) + d.get('speaker_actor_cues', []))})")
        # 坚持政府过紧日子, 发挥好政府…作用, 区委、政府确定的: bare 政府 as the speaker's government acting
        bare = d.get("bare_government", {"before": [], "after_party_committee": []})
        self.bare_government = patterns.compile(
            f"(?:(?<={patterns.words(bare['before'])})|(?<=(?:{patterns.words(bare['after_party_committee'])})、))政府(?!人员|工作|部门|机构|投资|债|引导基金|产业基金|基金)"
            f"|政府(?={patterns.words(bare['after'])})"
            f"|(?<![{patterns.HAN}])政府(?={patterns.words(bare.get('sentence_initial_actor', [])) or '(?!)'})"
            # 政府系统牢牢把握…: the government system opening a clause acts (GUIDELINES 19)
            f"|(?<![{patterns.HAN}])政府系统(?![的各内党])")
        # 党中央、国务院 (GUIDELINES 12): 党中央 only when paired with the State Council
        self.party_centre = patterns.compile(f"党中央(?={patterns.words(d.get('paired_party_centre', [])) or '(?!)'})")
        # 遵循中央和省委明确的…: 中央 coordinated with a party committee
        self.centre = patterns.compile(f"(?<!党)中央(?={patterns.words(d.get('centre_with_committee', [])) or '(?!)'})")
        # 发挥省级征信公司作用 / 发挥公共机构在…中的示范带动作用: the body a task calls on
        role = d.get("role_actor", {"lead": [], "suffixes": []})
        self.role_actor = patterns.compile(
            f"(?:{patterns.words(role['lead']) or '(?!)'})(?P<name>(?:(?![{_NOT_IN_NAME}在的])\\p{{Han}}){{2,14}}?"
            f"(?:{patterns.words(role['suffixes']) or '(?!)'}))(?=[^，。；,;]{{0,24}}作用)")
        # 乡镇（街道）: two collectives
        self.paired_collectives = [patterns.compile(f"(?P<a>{a})[（(](?P<b>{b})[）)]") for a, b in d.get("paired_collectives", [])]
        # 中共贵州省委: the party committee named with its place
        self.party_committee = patterns.compile(
            f"中共(?:(?![{_NOT_IN_NAME}])\\p{{Han}}){{2,6}}?(?:{patterns.words(d.get('party_committee_full', [])) or '(?!)'})")
        # 督促帮助市县…: collectives of local governments a task works through
        governed = d.get("governed_collectives", {"cues": [], "names": []})
        self.governed = patterns.compile(
            f"(?<={patterns.words(governed['cues']) or '(?!)'})(?:{patterns.words(governed['names']) or '(?!)'})(?![{patterns.HAN}]?(?:两级|三级|政府|财政|级))")
        # 驻海部队, 驻海各军警部队, 中央驻浙单位: bodies stationed in the speaker's place
        stationed = d.get("stationed_bodies", {"heads": [], "max_place_chars": 3})
        self.stationed = patterns.compile(
            f"(?:中央)?驻\\p{{Han}}{{1,{stationed['max_place_chars']}}}?(?:{patterns.words(stationed['heads'])})(?![{patterns.HAN}](?<![和及与等]))")
        # 扶持三元、麦福劳等农牧业龙头企业: the named members of a supported class
        member = f"(?:(?![{_NOT_IN_NAME}])\\p{{Han}}){{2,6}}?"
        self.named_members = patterns.compile(
            f"(?:{patterns.words(d.get('named_member_cues', []))})(?P<items>{member}(?:、{member})*)等"
            f"[^,，。;；:：、\n]{{0,8}}?(?:{patterns.words(d.get('named_member_classes', []))})")
        self.member_class = patterns.compile(f"(?:{patterns.words(d.get('named_member_generic', []))})$")  # 民营企业: a class
        # 商务等部门: one stem sharing the suffix of an 等 list
        self.single_etc = patterns.NearAnchor(patterns.compile(f"{guard}(?P<prefix>{prefixes})?(?P<stem>{stems})(?=等(?:{suffixes}))"),
                                              patterns.compile(f"等(?:{suffixes})"), before=name_reach)
        # 区财政将…, 工业园区要…: bodies named without suffix, as the subject of a task
        self.bare_actor = patterns.NearAnchor(patterns.compile(
            f"(?:(?P<prefix>{patterns.words(level_prefixes)})(?P<stem>{patterns.words(free_stems + bound_stems)})"
            f"|(?P<body>{patterns.words(d.get('actor_only_bodies', []))}))(?={actor})"), patterns.compile(actor),
            before=max(name_reach, max(map(len, d.get("actor_only_bodies", [])), default=0)))
        self.suffix_set = set(d["suffixes"])
        # 呼伦贝尔大剧院要…, 年内区医院要…: a facility acting as the subject of a task is a body
        # (the run of name characters before it, less a leading time word)
        facility_suffixes = patterns.words(d.get("facility_suffixes", []))
        self.facility_actor = patterns.NearAnchor(patterns.compile(
            f"(?<![{patterns.HAN}])(?P<name>(?:(?![{_NOT_IN_NAME}])\\p{{Han}}){{0,8}}?(?:{facility_suffixes}))"
            f"(?={actor})"), patterns.compile(facility_suffixes), before=8)
        # 城关镇要…, 新华街道、东城街道要…: named places opening a clause as the subject of a task
        places_acting = d.get("place_actors", {"suffixes": [], "generic": [], "not_first": ""})
        place = (f"(?:(?![{_NOT_IN_NAME}{places_acting['not_first']}])\\p{{Han}})(?:(?![{_NOT_IN_NAME}])\\p{{Han}}){{1,3}}?"
                 f"(?:{patterns.words(places_acting['suffixes']) or '(?!)'})")
        self.place_actors = patterns.NearAnchor(patterns.compile(
            f"(?<![{patterns.HAN}])(?:[一二三四五六七八九十]是)?(?P<items>{place}(?:、{place}){{0,7}})(?={actor})"),
            # anchored on the last name's suffix before the cue; eight names of up to 7 characters
            patterns.compile(f"(?:{patterns.words(places_acting['suffixes']) or '(?!)'})(?={actor})"), before=2 + 8 * 7)
        self.generic_places = set(places_acting["generic"])
        self.facility_lead = patterns.compile(f"^(?:{patterns.words(d.get('facility_lead_words', []))})")
        # 西洞、西峰、丰乐3个乡镇 / 东洞、上坝等7个乡镇: named places closed by their kind
        name = f"(?:(?![{_NOT_IN_NAME}])\\p{{Han}})"
        count_of_places = f"(?P<n>[0-9]+|[一二三四五六七八九十两]+)个(?P<head>{patterns.words(d.get('place_list_heads', []))})"
        self.place_list = patterns.NearAnchor(patterns.compile(
            f"(?<!\\p{{Han}})(?P<items>{name}{{2,4}}(?:、{name}{{2,4}}){{1,15}})等?{count_of_places}"),
            patterns.compile(count_of_places), before=16 * 5 + 1)
        # 黄山、池州、安庆等市全域联动: named places closed by 等 + their kind, without a count
        kinds = patterns.words(d.get("place_kinds_after_list", [])) or "(?!)"
        self.kind_list = patterns.NearAnchor(patterns.compile(
            f"(?<!\\p{{Han}})(?P<items>{name}{{2,4}}(?:、{name}{{2,4}}){{1,15}})等(?P<head>{kinds})(?![场民县区级域政委容值面井镇属直])"),
            patterns.compile(f"等(?:{kinds})"), before=16 * 5 + 1)
        self.place_list_lead = patterns.compile(patterns.words(d.get("place_list_lead_verbs", [])) or "(?!)")
        # 有7个乡镇…(金佛寺、东洞…果园), 1个乡(黄泥堡): a bracketed list of as many names as a
        # count of places just before it gives
        self.place_count = patterns.compile(count_of_places)
        self.bracketed_places = patterns.compile(f"[(（](?P<items>{name}{{2,4}}(?:、{name}{{2,4}}){{0,15}})[)）]")
        # 做好民族宗教、档案史志、关工委、侨务等工作: a list of fields of work, whose bodies name a field
        self.field_list_closer = patterns.compile(f"等?(?:{patterns.words(d.get('field_list_closers', []))})(?![者员站室组队])")  # not 社会工作者
        # a scope before a collective (区属相关部门, 市上有关单位) or before a bare 部门 (省级部门, 中央部门)
        scopes = patterns.words(d.get("collective_scopes", []))
        # 支持浙江大学…建设, 全力支持呼伦贝尔工业园区发展: an institution supported to do the work
        institution = f"{name}{{1,10}}?(?:{patterns.words(d.get('supported_suffixes', []))})"
        self.supported = patterns.compile(
            f"(?:{patterns.words(d.get('supported_left_cues', []))})(?P<items>{institution}(?:、{institution})*)(?![{patterns.HAN}]{{0,1}}(?:内|里|中))"
            # 支持…实验室二期开工: a phase of a facility being built, not the body
            f"(?![一二三四五六]期)")
        # 浙江工业大学、西湖大学牵头建设…: named institutions acting
        # (each item ends in an institution suffix, so the windows of a list's suffixes join up)
        self.institution_actors = patterns.NearAnchor(patterns.compile(
            f"(?<![{patterns.HAN}、])(?P<items>{institution}(?:、{institution})*)(?={patterns.words(d.get('institution_actor_verbs', []))})"),
            patterns.compile(patterns.words(d.get("supported_suffixes", []))), before=12)
        # 支持杭州、宁波、温州争创…, 支持港澳发展经济: named places supported to act
        places = d.get("supported_places", {"cues": [], "verbs": [], "not_items_ending": []})
        self.supported_places = patterns.compile(
            f"(?:{patterns.words(places['cues'])})(?P<items>{name}{{2,4}}?(?:、{name}{{2,4}}?){{0,7}})(?={patterns.words(places['verbs'])})")
        # 支持合肥建设…, 推动遵义建设…, 支持贵安新区、毕节高质量发展: known cities pushed to act
        named = d.get("named_places", {"cues": [], "verbs": [], "kinds": [], "names": []})
        city = f"(?:{patterns.words(named['names']) or '(?!)'})(?:{patterns.words(named['kinds']) or '(?!)'})?"
        self.named_places = patterns.compile(
            f"(?:{patterns.words(named['cues']) or '(?!)'})(?P<items>{city}(?:、{city}){{0,7}})(?={patterns.words(named['verbs']) or '(?!)'})")
        self.not_place_item = patterns.compile(f"(?:{patterns.words(places['not_items_ending'])})$")
        vague = d.get("vague_subsets", {"quantifiers": [], "heads": [], "lead": []})
        quantifier = patterns.words(vague['quantifiers']) or '(?!)'
        vague_subset = (f"(?:{patterns.words(vague['lead']) or '(?!)'})?(?:{quantifier})"
                        f"(?:{patterns.words(vague['heads']) or '(?!)'}|\\p{{Han}}{{0,4}}?(?:{patterns.words(vague.get('modified_heads', [])) or '(?!)'}))")
        # 一些部门和单位: the quantifier is shared, each head is a span
        vague_heads = patterns.words(vague.get("coordinated_heads", [])) or "(?!)"
        self.shared_vague = patterns.compile(
            f"(?P<first>(?P<quantifier>{quantifier})(?:{vague_heads}))(?:和|、|及)(?P<second>{vague_heads})")
        self.collective = patterns.compile(
            f"(?:{scopes})?{patterns.words(d['collective'])}|(?:{scopes})(?:各)?(?:部门|单位|机关)|{vague_subset}")
        forces = d.get("task_forces", {"suffixes": [], "lead_verbs": []})
        self.task_force = patterns.NearAnchor(patterns.compile(
            f"(?P<name>(?:“[^”\n]{{1,10}}”)?(?:(?![{_NOT_IN_NAME}])\\p{{Han}}){{1,10}}?(?:{patterns.words(forces['suffixes'])}))"
            f"(?![团织建成合件])(?!\\p{{Han}}{{0,1}}(?:长|员|书记|主任|会议))"),
            patterns.compile(patterns.words(forces["suffixes"])), before=12 + 10)
        # founding verbs and counts before the name: 成立…专班, 三个征迁工作小组
        self.task_force_lead = patterns.compile(
            f"(?:{patterns.words(forces['lead_verbs'])}|[一二三四五六七八九十两几多每]+个)+")
        strong = "局|委员会|委|办公室|办|中心|站|所|大队|支队|专班|指挥部|管委会|领导小组|工作组"
        self.unseen = patterns.NearAnchor(patterns.compile(
            # not inside a longer place word (省市区委, 市区变电站, 温州争创…中心)
            f"(?P<prefix>(?<![区县市省州乡镇全行])(?:区|县|市|省|镇|乡)|(?<!\\p{{Han}})州)(?!域|内|外|位|间|别|分|打造)(?P<core>(?:(?![{_NOT_IN_NAME}])\\p{{Han}}){{2,6}}?)(?P<suffix>{strong})(?<![布格开结变时当]局)(?!\\p{{Han}}{{0,1}}(?:长|员|书记|主任))"),
            patterns.compile(patterns.words(strong.split("|"))), before=1 + 6)
        # 上海市松江 + 区人民政府办公室: the full place name before a level word, from a boundary
        self.place_before = patterns.compile(f"(?<![{patterns.HAN}])\\p{{Han}}{{2,3}}(?:省|市|自治区)\\p{{Han}}{{2,3}}$")
        self.not_after = patterns.compile(
            f"^(?!{patterns.words(d.get('not_followed_by_exceptions', []))})(?:{patterns.words(d['not_followed_by'])})")
        # …but a classifier after a numeral ends a count, not a word (三个征迁工作小组, unlike 个人大病)
        self.not_before = patterns.compile(f"(?<![0-9一二三四五六七八九十两几多每])(?:{patterns.words(d.get('not_preceded_by', []))})$")
        self.exclude = set(d.get("exclude", []))
        self.generic_classes = set(d.get("generic_classes", []))
        # 工会、共青团、妇联等群团组织: the class closing a list of bodies names them again, it is no body of its own
        self.list_classes = set(d.get("list_classes", []))
        self.session_after = patterns.compile(f"[一二三四五六七八九十]+(?:{patterns.words(d.get('session_words', []))})")
        roles = patterns.words(d.get("responsibility_roles", []))
        cues = d.get("assignment_cues", {"before": [], "after": []})
        self.assigned = patterns.compile(
            f"{patterns.words(cues['before'])}(?P<name>(?:(?![{_NOT_IN_NAME}])\\p{{Han}}){{2,12}}?){patterns.words(cues['after'])}")
        self.role_list = patterns.compile(f"{roles}[:：](?P<items>(?:(?!{roles})[^()（）\\n:：]){{1,200}})")
        self.role_item = patterns.compile(r"[^、,，;；。\s]{2,20}")
        nouns = patterns.words(d.get("collective_nouns", []))
        self.shared_each = patterns.compile(f"各(?P<items>{nouns}(?:(?:、|和){nouns})+)")
        self.collective_noun = patterns.compile(nouns)
        # 我代表海拉尔区人民政府向大会报告: the speaker's government as reporter
        self.reporter_cue = d.get("reporter_cue", "代表")
        self.reporter = patterns.compile(f"{re.escape(self.reporter_cue)}\\p{{Han}}{{0,5}}$")
        # …and the government a report speaks for, named in its opening (我代表国务院, 代表区政府)
        self.reporting_government = patterns.compile(
            f"{re.escape(self.reporter_cue)}\\p{{Han}}{{0,12}}?(?P<level>自治区|国务院|省|市|区|县|旗|州)(?:人民)?(?:政府)?(?=\\s*[,，、向])")
        # a shared level prefix before coordinated bodies: 区人大、政协 → 人大 / 政协
        cores = patterns.words(c for c in body_cores if not c.startswith(tuple(self.prefixes)))
        self.prefixed_bodies = patterns.compile(f"(?P<prefix>{prefixes})(?P<items>(?:{cores})(?:(?:、|和)(?:{cores}))+)")
        self.body_core = patterns.compile(cores)
        left = patterns.words(d.get("company_left_cues", []))
        # 职业教育办学: a body's last character glued to the next one makes a verb (办学), no body
        self.suffix_glue: dict[str, str] = d.get("suffix_not_followed_by", {})
        # 成立营商环境建设厅, 组建国家疾病预防控制局, 国际船舶登记管理局落地运行: a state organ set up
        # is a body even when the lexicon does not know its name (firms and centres set up are not)
        est = d.get("established_bodies", {"lead": [], "after": [], "openers": [], "suffixes": []})
        organ = f"(?:(?![{_NOT_IN_NAME}])\\p{{Han}}){{2,14}}?(?:{patterns.words(est['suffixes']) or '(?!)'})"
        opener = f"(?:{patterns.words(est['openers']) or '(?!)'})?"
        self.established = patterns.compile(
            f"(?:{patterns.words(est['lead']) or '(?!)'}){opener}(?P<a>{organ})(?![\\p{{Han}}])"
            f"|(?<![\\p{{Han}}]){opener}(?P<b>{organ})(?={patterns.words(est['after']) or '(?!)'})")
        # 被世界自然保护联盟推广, 与联合国粮农组织合作: an international organisation where it acts
        world = d.get("international_bodies", {"names": [], "before": [], "after": []})
        world_name = patterns.words(world["names"]) or "(?!)"
        self.international = patterns.compile(
            f"(?:{patterns.words(world['before']) or '(?!)'})(?P<a>{world_name})(?=\\p{{Han}})"
            f"|(?P<b>{world_name})(?={patterns.words(world['after']) or '(?!)'})")
        self.founding = patterns.compile(patterns.words(d.get("founding_verbs", [])) or "(?!)")
        firm = f"[\\p{{Han}}A-Za-z]{{2,10}}?(?:{patterns.words(d.get('company_suffixes', ['公司']))})"
        self.company = patterns.compile(f"(?:{left})(?P<name>{firm})")
        # the first of two firms acting together opens its clause; the second one follows the
        # left cue 与/和 (海螺集团与皖维集团启动重组)
        self.first_of_firms = patterns.compile(f"(?<![^,;:，。；：\\n])(?P<name>{firm})(?=[与和及]{firm})")

    # -- matching ---------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        text = docstate.text(doc)
        candidates: list[tuple[int, int, dict]] = []
        for m in self.coordination.finditer(text):
            candidates += self._conjuncts(m)
        for m in self.single.finditer(text):
            info = self.stem_info[m.group("stem")]
            canonical = (m.group("prefix") or "") + info.get("full", m.group("stem")) + m.group("suffix")
            candidates.append((m.start(), m.end(), {"canonical": canonical, "collective": False}))
        for m in self.single_etc.finditer(text):
            info = self.stem_info[m.group("stem")]
            candidates.append((m.start("stem"), m.end("stem"), {"canonical": (m.group("prefix") or "") + info.get("full", m.group("stem"))
                                                                + info.get("suffix", ""), "collective": False, "_part": True}))
        for m in self.bare_actor.finditer(text):
            candidates.append((m.start(), m.end(), {"canonical": m.group(), "collective": False}))
        for m in self.facility_actor.finditer(text):
            name = m.group("name")
            start = m.start() + (lead.end() if (lead := self.facility_lead.match(name)) else 0)
            if m.end() - start >= 3:
                candidates.append((start, m.end(), {"canonical": text[start:m.end()], "collective": False}))
        for m in self.place_actors.finditer(text):
            items = _list_items(m)
            if not any(name in self.generic_places for _, _, name in items):
                candidates += [(start, end, {"canonical": name, "collective": False}) for start, end, name in items]
        candidates += self._whole_matches(text, ((self.bodies, False), (self.collective, True), (self.unseen, False),
                                                 (self.body_members, True), (self.level_collective, True)))
        for m in chain(self.company.finditer(text), self.first_of_firms.finditer(text)):
            # 推动组建省物流集团: the founding verb is not part of the name
            start = m.start("name") + (lead.end() if (lead := self.task_force_lead.match(m.group("name"))) else 0)
            if lead is not None and self.founding.fullmatch(lead.group()) and text[m.end("name"):m.end("name") + 1] in _CLAUSE_CLOSERS:
                continue  # 推动组建省物流集团，: a firm being founded does nothing yet (组建铁路发展公司统一运营 does)
            if m.end("name") - start >= 3:
                candidates.append((start, m.end("name"), {"canonical": text[start:m.end("name")], "collective": False}))
        # a body named after its cue (group a) or before it (group b): set up, or international and acting
        for pattern, flags in ((self.established, {"_set_up": True}), (self.international, {})):
            for m in pattern.finditer(text):
                g = "a" if m.group("a") else "b"
                candidates.append((m.start(g), m.end(g), {"canonical": m.group(g), "collective": False, **flags}))
        for m in self.task_force.finditer(text):  # 必要时成立重点项目推进专班 → 重点项目推进专班
            start, name = m.start("name"), m.group("name")
            cut = max((m.end() for m in self.task_force_lead.finditer(name) if len(name) - m.end() >= 4), default=0)
            start, name = start + cut, name[cut:]
            if len(name) >= 4:
                candidates.append((start, start + len(name), {"canonical": name, "collective": False}))
        for m in chain(self.place_list.finditer(text), self.kind_list.finditer(text)):
            candidates += _places(m, m.group("head"), self.place_list_lead)
        for m in self.supported.finditer(text):
            # 支持西湖大学建设: here 建设 is the supported work, not a facility being built
            candidates += _named_actors(_list_items(m))
        for start, end in self._field_lists(text):
            candidates.append((start, end, {"_block": True, "_part": True}))
        for m in _BOOK_TITLE.finditer(text):  # 《中共浙江省委关于制定…的建议》: a title names no body
            candidates.append((m.start(), m.end(), {"_block": True, "_part": True}))
        for m in self.bracketed_places.finditer(text):
            candidates += self._counted_places(text, m)
        for m in self.institution_actors.finditer(text):
            candidates += _named_actors(_list_items(m))
        for m in self.supported_places.finditer(text):
            items = _list_items(m)
            if not any(self.not_place_item.search(item) or item in self.exclude for _, _, item in items):
                candidates += _named_actors(items)
        for m in self.named_places.finditer(text):
            candidates += _named_actors(_list_items(m))
        candidates += self._whole_matches(text, ((self.centre, False),))
        for m in self.role_actor.finditer(text):
            if m.group("name") in self.generic_classes:
                continue  # 发挥行业协会作用: a class of bodies, not one
            candidates.append((m.start("name"), m.end("name"), {"canonical": m.group("name"), "collective": False,
                                                                "_any_after": True}))
        for pattern in self.paired_collectives:
            for m in pattern.finditer(text):
                candidates += [(m.start(g), m.end(g), {"canonical": "各" + m.group(g), "collective": True, "_part": True})
                               for g in ("a", "b")]
        candidates += self._whole_matches(text, ((self.party_centre, False), (self.party_committee, False),
                                                 (self.governed, True), (self.stationed, True)))
        for m in self.bare_government.finditer(text):
            candidates.append((m.start(), m.end(), {"canonical": m.group(), "collective": False, "_acts": True}))
        for m in self.named_members.finditer(text):
            candidates += _named_actors([item for item in _list_items(m) if not self.member_class.search(item[2])])
        for m in self.assigned.finditer(text):  # 由区更新办负责…: a body the lexicon may not know
            if m.group("name") not in self.generic_classes:
                candidates.append((m.start("name"), m.end("name"), {"canonical": m.group("name"), "collective": False}))
        for m in self.role_list.finditer(text):  # （牵头单位：区水务局、相关街镇）
            for item in self.role_item.finditer(m.group("items")):
                start = m.start("items") + item.start()
                name = item.group()
                candidates.append((start, start + len(name), {"canonical": name, "collective": name.startswith(("相关", "有关", "各")),
                                                              "_part": True}))
        for m in self.shared_each.finditer(text):  # 各乡镇、部门、社区 → one span each, 各 shared
            for part in self.collective_noun.finditer(m.group("items")):
                start = m.start("items") + part.start()
                candidates.append((start, start + len(part.group()),
                                   {"canonical": "各" + part.group(), "collective": True, "_part": True}))
        for m in self.shared_vague.finditer(text):
            candidates += [(m.start("first"), m.end("first"), {"canonical": m.group("first"), "collective": True, "_part": True}),
                           (m.start("second"), m.end("second"),
                            {"canonical": m.group("quantifier") + m.group("second"), "collective": True, "_part": True})]
        for m in self.prefixed_bodies.finditer(text):
            prefix = m.group("prefix")
            for part in self.body_core.finditer(m.group("items")):
                start = m.start("items") + part.start()
                candidates.append((start, start + len(part.group()),
                                   {"canonical": prefix + part.group(), "collective": False, "_part": True}))
        speaker = self._speaker_names(doc)
        chosen = patterns.Occupancy(len(text))
        # longest first, then leftmost; coordinations are pre-split so their parts are short
        for start, end, attrs in sorted(candidates, key=lambda c: (-(c[1] - c[0]) if not c[2].get("_part") else -100, c[0])):
            if chosen.overlaps(start, end):
                continue
            if attrs.get("_block"):
                chosen.add(start, end)
                continue
            if (text[start:end] in self.exclude and not attrs.get("_acts")) \
                    or (text[start:end] in speaker and not self.speaker_acts.match(text, end)
                        and not text.startswith(("党中央、", "党中央和"), max(0, start - 4))
                        and not _PARTY_BEFORE.search(text, max(0, start - 4), start)) \
                    or (not attrs.get("_any_after") and self.not_after.match(text[end:end + 6])) \
                    or text[end:end + 1] in self.suffix_glue.get(text[end - 1], "") \
                    or (not attrs.get("_set_up") and self.not_before.search(text[max(0, start - 4):start])) \
                    or self.session_after.match(text, end) \
                    or (text[start - 1:start] == "等" and text[start:end] in self.list_classes) \
                    or self.reporter.search(text[max(0, start - 8):start]):
                continue
            part = attrs.get("_part", False)
            attrs = {k: v for k, v in attrs.items() if not k.startswith("_")}
            if not part and text[start] in "区县旗" and (place := self.place_before.search(text, max(0, start - 8), start)) \
                    and not chosen.overlaps(place.start(), start):
                start = place.start()
                attrs["canonical"] = place.group() + attrs["canonical"]
            if not part and start > 0 and text[start - 1] == "各" and not attrs["canonical"].startswith("各") \
                    and text[end:end + 1] not in "、和及与" and not chosen.overlaps(start - 1, start):
                # 各镇人民政府, 各领导小组成员单位: the 各 belongs to the mention and makes it collective
                # (unless a coordination shares it: 各镇人民政府、街道办事处)
                start -= 1
                attrs = {"canonical": "各" + attrs["canonical"], "collective": True}
            if docstate.add_span(doc, start, end, "DEPARTMENT", attrs) is not None:
                chosen.add(start, end)
        return doc

    def _speaker_names(self, doc: Doc) -> set[str]:
        """In a work report, the names of the government that delivers it (区政府, 区人民政府,
        人民政府 when 我代表区政府 opens it; 国务院 in the national report): the speaker as a
        whole is not a department the report assigns tasks to, unless a task names it as the
        actor (省政府将认真组织实施; GUIDELINES, reconciled decision 5)."""
        document = docstate.document(doc)
        if not document["report"]:
            return set()
        m = self.reporting_government.search(docstate.document_head(doc))
        if m is None:
            return set()
        level = m.group("level")
        if level == "国务院":
            return {"国务院"}
        return {level + "政府", level + "人民政府", "人民政府", m.group()[len(self.reporter_cue):]}

    @staticmethod
    def _whole_matches(text: str, sources) -> list[tuple[int, int, dict]]:
        """Candidates that are whole matches of patterns, named as written (党中央 by its full
        name), each with the collective flag of its pattern."""
        return [(m.start(), m.end(), {"canonical": _FULL_NAMES.get(m.group(), m.group()), "collective": collective})
                for pattern, collective in sources for m in pattern.finditer(text)]

    def _field_lists(self, text: str) -> list[tuple[int, int]]:
        """Lists of three or more 、-items of up to 12 characters closed by 等工作/事业 (found from
        the closer back, which is far cheaper than a pattern tried at every character); of the
        first item only its last 6 characters count, the rest is the clause's subject and verb
        (区文旅局要做好关工委、…)."""
        out = []
        for m in self.field_list_closer.finditer(text):
            if m.start() == 0 or text[m.start() - 1] in _FIELD_CLAUSE_END + "、":
                continue
            clause_start = max(text.rfind(ch, max(0, m.start() - 200), m.start()) for ch in _FIELD_CLAUSE_END) + 1
            items = text[clause_start:m.start()].split("、")
            if len(items) < 3 or not all(1 <= len(item) <= 12 for item in items[1:]):
                continue
            out.append((m.start() - sum(len(item) + 1 for item in items[1:]) - min(len(items[0]), 6), m.start()))
        return [(start, end) for start, end in out if text[start] not in "、"]

    def _counted_places(self, text: str, m: re.Match) -> list[tuple[int, int, dict]]:
        """The names of a bracketed list when a count of places before it in the clause
        (7个乡镇 … (A、B、…), 1个乡(黄泥堡)) says how many there are."""
        window = text[max(0, m.start() - 60):m.start()]
        clause = max(window.rfind(c) for c in "。；;!?！？\n") + 1
        counts = list(self.place_count.finditer(window, clause))
        if not counts or read_int(counts[-1].group("n")) != len(_list_items(m)):
            return []
        return _places(m, counts[-1].group("head"))

    def _conjuncts(self, m: re.Match) -> list[tuple[int, int, dict]]:
        prefix = m.group("prefix") or ""
        shared = m.group("shared").lstrip("等")
        parts = list(self.conjunct.finditer(m.group("items")))
        if len(parts) == 1 and shared in self.suffix_set:
            return []  # 市自然资源和规划局: one name with 和 inside it, found whole by the single-name pattern
        out = []
        if shared not in self.suffix_set:  # 等有关部门, 等…相关部门: read as 等部门
            shared = "部门"
            # the shared tail is restored in canonical, never a span of its own (有关部门)
            out.append((m.start("shared"), m.end("shared"), {"_block": True, "_part": True}))
        for part in parts:
            start = m.start("items") + part.start()
            info = self.stem_info[part.group()]
            suffix = info.get("suffix", shared) if shared == "部门" else shared
            out.append((start, start + len(part.group()),
                        {"canonical": prefix + info.get("full", part.group()) + suffix, "collective": False, "_part": True}))
        return out


@Language.factory("govspeech_department", default_config={"data_path": None},
                  default_score_weights={"gs_overlap_DEPARTMENT_f": 0.2})
def make_department_recognizer(nlp: Language, name: str, data_path: str | None) -> DepartmentRecognizer:
    return DepartmentRecognizer(nlp, name, data_path)
