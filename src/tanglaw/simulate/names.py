"""Pools of common given names and surnames, by naming culture (ASCII transliterations).

A simulated name is a random combination of common names: it names nobody in particular.
All names sit in one flat array (`NAMES`) so that people can be stored as integer indices;
`TYPO` holds one misspelling of each name for typo variants.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# culture: (male given names, female given names, surnames, middle-name style)
# middle-name style: "given" = a second given name, "surname" = mother's maiden surname
# (Philippine usage), "double" = paternal + maternal surname (Hispanic usage), "none".
_POOLS: dict[str, tuple[str, str, str, str]] = {
    "anglo": (
        "James John Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew "
        "Mark Paul Steven Andrew Kenneth Brian Kevin Gary Timothy Ronald Edward Jason Peter",
        "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa "
        "Margaret Sandra Ashley Emily Donna Michelle Carol Amanda Laura Rebecca Helen Anna Grace",
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
        "Martin Jackson Thompson White Harris Clark Lewis Walker Hall Allen Young King Wright "
        "Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans "
        "Turner Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Reed",
        "given",
    ),
    "hispanic": (
        "Jose Juan Luis Carlos Jorge Miguel Pedro Manuel Francisco Javier Andres Diego Ricardo "
        "Fernando Alejandro Eduardo Rafael Sergio Hector Mario",
        "Maria Ana Carmen Rosa Lucia Isabel Elena Laura Sofia Gabriela Daniela Patricia Paola "
        "Andrea Valentina Camila Adriana Veronica Claudia Marisol",
        "Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores "
        "Rivera Gomez Diaz Morales Reyes Cruz Ortiz Gutierrez Castillo Jimenez Vargas Romero "
        "Herrera Medina Aguilar Castro Ruiz Mendoza Silva",
        "double",
    ),
    "filipino": (
        "Jose Juan Mark John Michael Jerome Ronaldo Rodel Joel Arnel Romeo Ramon Eduardo "
        "Antonio Danilo Rogelio Christian Jomar Paolo Noel",
        "Maria Ana Rosario Jocelyn Marites Lorna Rowena Maricel Jennifer Gemma Analyn "
        "Cristina Josephine Lilibeth Marilou Rhea Angelica Kristine Mylene Evangeline "
        "Teresita Remedios Erlinda Gloria",
        "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo "
        "Flores Villanueva Ramos Castro Rivera Aquino Navarro Salazar Mercado Dela_Cruz "
        "Del_Rosario Gonzales Lopez Fernandez Manalo Pascual Soriano Domingo Aguilar Valdez "
        "Lim Tan Dizon Cabrera Macaraeg Samonte Evangelista Sison Tolentino",
        "surname",
    ),
    "chinese": (
        "Wei Jun Ming Hao Jie Lei Jian Tao Bin Chen Kai Yong Feng Long Qiang",
        "Mei Li Ying Xin Hui Yan Jing Fang Ling Xiu Lan Juan Hong Na Yun",
        "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin He Gao Luo "
        "Tan Lim Ng Wong Lee",
        "none",
    ),
    "indian": (
        "Rahul Amit Rajesh Sanjay Vijay Arjun Ravi Suresh Anil Deepak Manoj Ashok Karan Rohan Nikhil Prakash",
        "Priya Anjali Sunita Pooja Neha Kavita Deepa Meera Lakshmi Divya Asha Rekha Nisha Shreya Anita Geeta",
        "Sharma Patel Singh Kumar Gupta Reddy Nair Iyer Menon Rao Joshi Mehta Shah Das Pillai "
        "Verma Chopra Kapoor Bose Thomas",
        "none",
    ),
    "vietnamese": (
        "Minh Tuan Hung Duc Quang Thanh Long Hai Nam Son Trung Phong",
        "Lan Huong Mai Linh Thu Hoa Ngoc Trang Thao Hanh Phuong Yen",
        "Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ho Ngo Duong Ly",
        "given",
    ),
    "west_african": (
        "Chinedu Emeka Oluwaseun Tunde Kwame Kofi Yaw Ibrahim Musa Samuel Daniel Ifeanyi "
        "Babatunde Kojo Segun Aliyu",
        "Ngozi Chioma Funmilayo Adaeze Abena Akosua Efua Aisha Blessing Grace Nkechi Yetunde "
        "Ama Zainab Folake Esther",
        "Okafor Adeyemi Okonkwo Mensah Boateng Owusu Asante Bello Abubakar Eze Nwosu Ogunleye "
        "Danjuma Osei Appiah Kone Traore Kouassi Yao Coulibaly Diallo Bamba",
        "given",
    ),
    "korean": (
        "Minjun Seojun Dohyun Jihoon Junho Hyunwoo Sungmin Jaewon Taeyang Donghyun",
        "Seoyeon Jiwoo Minji Sora Hana Yuna Jieun Eunji Soyeon Haeun",
        "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon",
        "none",
    ),
    "german": (
        "Thomas Michael Andreas Stefan Christian Markus Frank Juergen Klaus Wolfgang Uwe "
        "Matthias Tobias Lukas Jonas Felix",
        "Sabine Petra Claudia Andrea Monika Susanne Birgit Katrin Julia Anna Laura Lena "
        "Sandra Nicole Heike Ursula",
        "Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch "
        "Richter Klein Wolf Schroeder Neumann Schwarz Zimmermann Braun Krueger Hartmann Lange",
        "given",
    ),
    "french": (
        "Jean Pierre Michel Philippe Alain Nicolas Christophe Laurent Olivier Julien Thomas "
        "Antoine Mathieu Guillaume Francois Luc",
        "Marie Nathalie Isabelle Sylvie Catherine Sophie Christine Valerie Sandrine Camille "
        "Julie Claire Aurelie Celine Helene Chantal",
        "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
        "Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Girard Bonnet Dupont",
        "given",
    ),
    "japanese": (
        "Hiroshi Takashi Kenji Satoshi Makoto Yuki Daisuke Kazuki Shota Ryo Takumi Naoki",
        "Yoko Keiko Naoko Yumi Akiko Sakura Haruka Aya Emi Misaki Yui Mayumi",
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida "
        "Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi",
        "none",
    ),
    "arabic": (
        "Mohammed Ahmed Ali Omar Abdullah Khalid Hassan Yousef Ibrahim Saeed Faisal Tariq "
        "Hamza Karim Nasser Mahmoud",
        "Fatima Aisha Mariam Noor Layla Huda Sara Amina Rania Salma Hana Yasmin Leila Reem Dina Nadia",
        "Al-Harbi Al-Qahtani Al-Ghamdi Al-Zahrani Al-Otaibi Haddad Khalil Nasser Saleh "
        "Hamdan Mansour Aziz Rahman Hassan Farouk Demir Yilmaz Kaya Sahin Celik",
        "none",
    ),
    "dutch": (
        "Jan Pieter Kees Willem Henk Bas Sander Thijs Daan Ruben Joost Maarten",
        "Anna Maria Sanne Lotte Femke Eva Inge Marieke Anouk Lieke Ingrid Esther",
        "de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Visser Smit Meijer de_Boer "
        "Mulder de_Groot Bos Vos Peters Hendriks",
        "given",
    ),
    "italian": (
        "Giuseppe Giovanni Antonio Mario Luigi Francesco Marco Paolo Alessandro Andrea Stefano Roberto",
        "Maria Anna Giuseppina Rosa Angela Giovanna Teresa Lucia Francesca Chiara Giulia Paola",
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo "
        "Conti De_Luca Costa Giordano",
        "given",
    ),
    "nordic": (
        "Lars Anders Johan Erik Karl Per Nils Mikael Henrik Fredrik Magnus Ole",
        "Anna Eva Maria Karin Sara Kristina Ingrid Elin Emma Ida Sofia Linnea",
        "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsen Hansen Johansen Berg Lindqvist Lund",
        "given",
    ),
    "slavic": (
        "Oleksandr Andriy Dmytro Serhiy Ivan Mykola Volodymyr Yuriy Pavlo Taras",
        "Olena Natalia Iryna Oksana Tetiana Svitlana Yulia Kateryna Anna Maria",
        "Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Melnyk Boyko Koval Oliynyk "
        "Marchenko Lysenko Rudenko",
        "given",
    ),
    "thai": (
        "Somchai Somsak Prasert Anan Chaiwat Kittisak Surasak Wichai Narong Thanawat",
        "Siriporn Malee Kanya Ploy Nok Suda Pensri Ratana Wanida Araya Jintana Nittaya",
        "Saetang Srisuk Chaiyaporn Wongsa Boonmee Suksawat Kaewkla Thongdee Rattanakul "
        "Charoensuk Pongsak Sombat",
        "none",
    ),
    "romanian": (
        "Andrei Alexandru Mihai Ionut Cristian Florin Bogdan Gabriel Adrian Stefan",
        "Elena Ioana Andreea Maria Alexandra Cristina Mihaela Diana Raluca Simona Gabriela Larisa",
        "Popescu Ionescu Popa Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Munteanu",
        "given",
    ),
    "indonesian": (
        "Budi Agus Andi Joko Dedi Rudi Hendra Wahyu Eko Rizky Ahmad Fajar",
        "Siti Dewi Sri Ayu Putri Rina Wati Nur Lestari Indah Fitri Ratna",
        "Santoso Wijaya Saputra Hidayat Kusuma Pratama Setiawan Gunawan Nugroho Halim Rahman Lubis",
        "none",
    ),
}

CULTURES: tuple[str, ...] = tuple(_POOLS)
CULTURE_INDEX: dict[str, int] = {c: i for i, c in enumerate(CULTURES)}
MIDDLE_STYLES = ("none", "given", "surname", "double")


@dataclass(frozen=True)
class NamePools:
    """Flat name table and, per culture, the index ranges of each pool."""

    names: np.ndarray  # object array of str
    typo: np.ndarray  # object array of str, a misspelling of each name
    male: np.ndarray  # (n_cultures, 2) start, size
    female: np.ndarray
    surname: np.ndarray
    middle_style: np.ndarray  # index into MIDDLE_STYLES per culture


def _typo(name: str, k: int) -> str:
    """A deterministic one-edit misspelling (transposition, deletion or doubling)."""
    if len(name) < 4:
        return name + name[-1]
    i = 1 + k % (len(name) - 2)
    kind = k % 3
    if kind == 0 and name[i] != name[i + 1]:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if kind == 1:
        return name[:i] + name[i + 1 :]
    return name[: i + 1] + name[i] + name[i + 1 :]


def _build() -> NamePools:
    names: list[str] = []
    ranges: dict[str, list[tuple[int, int]]] = {"m": [], "f": [], "s": []}
    styles = []
    for culture in CULTURES:
        male, female, surnames, style = _POOLS[culture]
        for key, text in (("m", male), ("f", female), ("s", surnames)):
            words = [w.replace("_", " ") for w in text.split()]
            ranges[key].append((len(names), len(words)))
            names.extend(words)
        styles.append(MIDDLE_STYLES.index(style))
    arr = np.array(names, dtype=object)
    typo = np.array([_typo(n, k) for k, n in enumerate(names)], dtype=object)
    return NamePools(
        names=arr,
        typo=typo,
        male=np.array(ranges["m"], dtype=np.int32),
        female=np.array(ranges["f"], dtype=np.int32),
        surname=np.array(ranges["s"], dtype=np.int32),
        middle_style=np.array(styles, dtype=np.int8),
    )


POOLS = _build()


def draw(rng: np.random.Generator, ranges: np.ndarray, culture: np.ndarray) -> np.ndarray:
    """One name index per row from the pool `ranges[culture]`, uniformly."""
    start = ranges[culture, 0]
    size = ranges[culture, 1]
    return start + (rng.random(len(culture)) * size).astype(np.int32)


# Neutral words for platform usernames and display names.
HANDLE_WORDS: tuple[str, ...] = tuple(
    "blue river tiger sunny maple cloud pixel echo comet lucky amber coral delta ember "
    "falcon harbor ivy jade koala lotus mango nova orbit pebble quartz rain sage willow "
    "breeze cedar dune frost glow hazel iris juniper kite lark meadow north ocean pine "
    "quill robin storm tulip urban valley wren yarrow zephyr atlas bolt cobalt drift".split()
)
